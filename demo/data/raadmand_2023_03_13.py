"""The Rådmandsmøde after 6 March 2023: the Ukraine status memo (seed 004, lines 127–190), its
appendix, and the short minutes that close the pack (lines 386–417)."""

import datetime as dt

from demo.data.appendices import ukraine_uge_10
from demo.data.series import RAADMAND
from demo.data.types import Attachment, Decision, FollowUp, Item, Meeting, Memo, Point

MEETING = Meeting(
    series=RAADMAND,
    # Chosen: the seed gives no date; the Monday after the memo dated 9 March 2023.
    date=dt.date(2023, 3, 13),
    start_time=dt.time(11, 0),
    end_time=dt.time(13, 0),
    location="Rådmandens kontor, vær. 436",
    status="published",
    items=(
        Item(1, "Dagsorden", decision=Decision(points=(Point("Godkendt.", "godkendt"),))),
        Item(2, "Referat", decision=Decision(
            points=(Point("Referatet blev godkendt uden bemærkninger.", "godkendt"),))),
        Item(
            3, "Ukrainestatus uge 10",
            memo=Memo(
                template="B",
                # The memo has a heading of its own; the item keeps the short title of the minutes.
                title="Status på MSB’s ukraineindsatser – uge 10 2023",
                sections=(
                    ("1. Resume", """
Hver 3. uge gives der på rådmandsmødet en status på MSB’s opgaver ifm. modtagelse af
ukrainske flygtninge. Aktuelt omhandler MSB’s indsatser modtagelse af ukrainere med
opholdstilladelse, indkvartering, beskæftigelse samt samarbejdet med organisationer og
civilsamfundet om frivilligindsatser.
"""),
                    ("3. Hvorfor fremsendes indstillingen?", """
Rådmanden og Direktionen har aftalt, at der hver tredje uge på rådmandsmødet forelægges en
status på MSB’s modtagelse af ukrainske flygtninge.
"""),
                    ("8. Hvad er den videre proces og hvordan følges op?", """
De involverede medarbejdere i MSB arbejder videre med modtagelsen af de ukrainere, der får
opholdstilladelse.
"""),
                ),
                sending_unit="Organisation og Ledelse",
                date=dt.date(2023, 3, 9),
                case_officer="Nille Bregenov-Pedersen",
                phone="41 85 99 86",
                email="nilbr@aarhus.dk",
            ),
            recommendations=(
                "At rådmanden og direktionen orienterer sig i status på MSB’s arbejde med "
                "ukrainske flygtninge per uge 10.",
            ),
            attachments=(Attachment(
                "Status på MSB’s arbejde ift. ukrainske flygtninge i Aarhus uge 10",
                ukraine_uge_10.APPENDIX),),
            decision=Decision(
                text="""
Mette Skov gav en status, herunder aktuelle antal af ukrainere, boligsituationen, samarbejde
med Aarhus Universitetshospital samt den beskæftigelsesrettede indsats.

Der var et ønske fra rådmandskredsen om at afsøge, hvorvidt det er muligt at se på
flowtallene i stedet for makrotallene, for tydeligere at kunne se de bevægelser, der sker i
målgruppen. Er det også muligt at sammenligne med andre kommuner i forhold til inden for
hvilke erhvervssektorer der sikres beskæftigelse?

Der var anerkendelse fra rådmanden i forhold til den store indsats medarbejderne præstere.
Det aftales, at frem mod sommerferien gives kun en status hver 5. uge fremadrettet. Dette
evalueres inden sommerferien, eller tidligere, hvis der sker en eventuel voldsom udviklingen
i Ukraine-situationen.
""",
                follow_ups=(FollowUp(
                    "Organisation og Ledelse",
                    "Frem mod sommerferien gives kun en status hver 5. uge. Dette evalueres "
                    "inden sommerferien, eller tidligere, hvis der sker en eventuel voldsom "
                    "udviklingen i Ukraine-situationen."),),
            ),
        ),
        Item(4, "Orientering fra Magistraten", decision=Decision(text="""
Der blev givet en orientering om aktuelle punkter. Der var ikke bemærkninger til referat.
""")),
        Item(5, "Bordrunde", decision=Decision(text="""
Der blev givet en aktuel status fra de seks driftsområder samt stabene.
""")),
    ),
)
