"""Documents the seeds list by title only (the committee agenda's "Bilag:" lines)."""

from demo.data.types import Appendix

NOT_IN_SEEDS = "Dokumentet indgår ikke i kildematerialet."


def placeholder(title: str) -> Appendix:
    return Appendix(title=title, blocks=(NOT_IN_SEEDS,))
