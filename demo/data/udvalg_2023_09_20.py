"""The Social- og Beskæftigelsesudvalg's meeting of 20 September 2023, the committee agenda
attached to item 6 of the September Rådmandsmøde (seed 000, lines 870–1105). The documents its
items list under "Bilag:" are not in the seed."""

import datetime as dt

from demo.data.appendices.from_meetings import committee_agenda
from demo.data.appendices.placeholder import placeholder
from demo.data.series import UDVALG
from demo.data.types import Attachment, Item, Meeting, SubItem

EVA = "Eva Borchorst Mejnertz"
LOTTE = "Lotte Henriksen"
SKRIFTLIG = """
Såfremt der er spørgsmål til den skriftlige redegørelse, kan disse stilles under dette
punkt. I det tilfælde, at der ikke er spørgsmål, gennemgås den skriftlige orientering ikke.
"""
AGENDA_TITLE = "Dagsorden til mødet i Social- og Beskæftigelsesudvalget den 20. september 2023"


def _not_in_seeds(*titles: str) -> tuple[Attachment, ...]:
    return tuple(Attachment(title, placeholder(title)) for title in titles)


MEETING = Meeting(
    series=UDVALG,
    title="Social- og Beskæftigelsesudvalgsmøde",
    date=dt.date(2023, 9, 20),
    start_time=dt.time(18, 15),
    end_time=dt.time(19, 45),
    location="Rådhuset, lokale 398",
    status="agenda_sent",
    document_date=dt.date(2023, 9, 7),
    case_number="EMN-2023-009780",
    contact_name="Sofie Brøndt Jørgensen/Jan Gehlert",
    contact_phone="41 85 99 39",
    contact_email="sobrj@aarhus.dk/geja@aarhus.dk",
    items=(
        Item(
            1, "Godkendelse af dagsorden", minutes=3, responsible=EVA,
            text="Dagsordenen for mødet i Social- og Beskæftigelsesudvalget godkendes.",
            # The listed Bilag is this very agenda, rendered from this data.
            attachments=(Attachment(AGENDA_TITLE, lambda: committee_agenda(MEETING)),),
        ),
        Item(
            2, "Referat fra udvalgets møde den 6. september 2023", minutes=2, responsible=EVA,
            text="""
Udvalget orienteres om referatet fra det seneste møde i Social- og
Beskæftigelsesudvalget.
""",
            attachments=_not_in_seeds("Referat fra mødet den 6. september 2023"),
        ),
        Item(
            3, "Input til ny aftale om udsatte boligområder", minutes=20,
            method="droeftelse", method_oral=True, responsible="Vibeke Jensen/BA",
            text="""
Hen over efteråret 2023 er der planlagt en proces med henblik på at få lavet en ny politisk
aftale om udsatte boligområder – med pejlemærker og fokusområder for det videre arbejde.

Der lægges op til temadrøftelse for Byrådet den 12/10, og forligskredsmøde med indgåelse af
ny politisk aftale den 22/11.

Som en del af processen inddrages alle de faste politiske udvalg, så der er mulighed for at
komme med inputs til aftalen, inden byrådets temadrøftelse og forligskredsmødet.

Den nye aftale vil bygge ovenpå den oprindelige aftale fra 2018 og tillægs-aftalen fra 2022.
""",
            attachments=_not_in_seeds("Forklæde"),
        ),
        Item(
            4, "Klimaplan i Sociale Forhold og Beskæftigelse", minutes=20,
            method="orientering_og_droeftelse", method_oral=True, responsible="Michael Justesen",
            attachments=_not_in_seeds("Forklæde"),
        ),
        Item(
            5, "Opfølgning på fællesmøde med Psykiatri- og Socialudvalget - henvendelse",
            minutes=15, method="droeftelse", method_oral=True, responsible=LOTTE,
            text="""
På mødet i Social- og Beskæftigelsesudvalget den 6. september 2023 drøftede man
opfølgningen på fællesmødet den 31. maj 2023 og var i den forbindelse enige om, at der
skulle et udarbejdes udkast til en henvendelse, som kunne sendes til Psykiatri- og
Socialudvalget omkring forslag til opfølgning på mødet.

På ovenstående baggrund ønskes en drøftelse af vedlagte udkast til en henvendelse.
""",
            attachments=_not_in_seeds("Forklæde"),
        ),
        Item(
            6, "Fleksibel mødedag den 11. december 2023", minutes=10,
            method="droeftelse", method_oral=True, responsible=LOTTE,
            text="""
Mandag den 11. december 2023 afholdes endnu en fleksibel mødedag i Social- og
Beskæftigelsesudvalget fra kl. 14-16.

Der ønskes således en drøftelse i udvalget af, hvorvidt man ønsker at benytte den fleksible
mødedag og evt. til hvad.

I forbindelse med den seneste fleksible mødedag den 8. maj 2023 besøgte udvalget
Familieindsats med ventil i Børn, Familier og fællesskaber.
""",
            attachments=_not_in_seeds("Forklæde"),
        ),
        Item(7, "Orienteringspunkter", sub_items=(
            SubItem("A", "Evt. orientering", text="Evt. orientering.", method="orientering",
                    method_oral=True, responsible="Vibeke Jensen/Lotte Henriksen", minutes=5),
        )),
        Item(8, "Skriftlige orienteringer", sub_items=(
            SubItem("A", "Opfølgning på udvalgsmødet den 6. september 2023",
                    text="Vedlagt dette punkt er opfølgende notater fra det foregående "
                         "udvalgsmøde.\n" + SKRIFTLIG),
            SubItem("B", "Orienteringer til udvalget siden seneste møde",
                    text="Vedlagt dette punkt er orienteringer, som er fremsendt per mail til "
                         "udvalget siden seneste møde.\n" + SKRIFTLIG),
        )),
        Item(
            9, "Kurser og konferencer samt sager på vej til byrådet", minutes=5,
            method="orientering", responsible=EVA,
            text="""
På hvert udvalgsmøde forelægges udvalget en liste med kommende kurser, konferencer og
aktiviteter, der er mulighed for at deltage i.

Ligeledes præsenteres udvalget for de sager, som er på vej til behandling i byrådet fra
Sociale Forhold og Beskæftigelse.
""",
            attachments=_not_in_seeds("Kurser og konferencer", "Sager på vej til byrådet"),
        ),
        Item(
            10, "Evt.", minutes=5, method="droeftelse", method_oral=True, responsible=EVA,
            attachments=_not_in_seeds("Årshjul over sager til Social- og Beskæftigelsesudvalget"),
        ),
    ),
)
