"""Every demo meeting, in the order load_demo builds them: minutes are approved at a later
meeting of the series, so the later meeting is built first."""

from demo.data import (
    raadmand_2023_03_06,
    raadmand_2023_03_13,
    raadmand_2023_09_04,
    raadmand_2023_09_11,
    udvalg_2023_09_20,
)

MEETINGS = (
    udvalg_2023_09_20.MEETING,
    raadmand_2023_09_11.MEETING,
    raadmand_2023_09_04.MEETING,
    raadmand_2023_03_13.MEETING,
    raadmand_2023_03_06.MEETING,
)
