"""The Rådmandsmøde of 6 March 2023: the agenda with decisions (seed 004, lines 1–125).
Item 6 is treated last, after item 7; the numbers stay."""

import datetime as dt

from demo.data.series import RAADMAND
from demo.data.types import Decision, FollowUp, Item, Meeting, Point

GUESTS = (
    "Kristian Dalsgaard",
    "Mia Holgaard",
    "Jan Pedersen",
    "Karin Rasmussen",
    "Mikael Carlsen",
    "Natascha Mannemar",
    "Mette Thorsgaard Erhardsen",
)

MEETING = Meeting(
    series=RAADMAND,
    date=dt.date(2023, 3, 6),
    start_time=dt.time(11, 0),
    end_time=dt.time(13, 0),
    location="Rådmandens kontor, vær. 436",
    information="Mads tager referat.\n\nTemadrøftelse afvikles i lokale 509 med følgende gæster:",
    guests=GUESTS,
    minute_taker="sekretaer",
    status="published",
    minutes_approved_at=dt.date(2023, 3, 13),
    treatment_order=(1, 2, 3, 4, 5, 7, 6),
    items=(
        Item(1, "Dagsorden", decision=Decision(points=(Point("Godkendt.", "godkendt"),))),
        Item(2, "Referat", decision=Decision(
            points=(Point("Referatet blev godkendt.", "godkendt"),))),
        Item(3, "Orientering fra Magistraten", decision=Decision(
            points=(Point("Aktuelle områder fra magistraten blev drøftet, herunder:",
                          "droeftet"),),
            text="""
- Antallet af fritidsjobs - kan vi gøre mere her?
- MBU har uge 40 som medborgerskabsuge, kan det være relevant at koble MSB på?
""")),
        Item(4, "Orientering om udvalgsmødet", decision=Decision(
            points=(Point("Intet til referat.", "taget_til_efterretning"),))),
        Item(5, "Bordrunde", decision=Decision(
            points=(Point("Punktet blev ikke behandlet denne gang.", "ikke_behandlet"),))),
        Item(
            6, "Temadrøftelse: Strategiske indsatsområder vedr. rekruttering og fastholdelse i MSB",
            minutes=45,
            text="""
Indstillingen tages som det sidste punkt på mødet, der er afsat 45 min til drøftelsen.
Grundet antallet af gæster flyttes afviklingen af dette punkt til lokale 509.
""",
            guests=GUESTS,
            # Reconstructed: the seed has the decision's "Ad 1)", "Ad 2) og Ad 3)" but not the
            # memo they answer; these three points are written from the decision text.
            recommendations=(
                "at den aktuelle status på rekrutterings- og fastholdelsestiltag drøftes",
                "at mulighederne for at udvikle partnerskaberne med bl.a. VIA drøftes",
                "at nye tiltag for rekruttering og fastholdelse drøftes, fx arbejdstid, "
                "vagtplanlægning og onboarding",
            ),
            decision=Decision(
                points=(
                    Point("Den aktuelle status på rekrutterings- og fastholdelsestiltag blev "
                          "drøftet. Mia Holgaard og Kristian Dalsgaard fra Organisation og "
                          "Ledelse stod for den overordnede præsentation, suppleret af "
                          "deltagerne fra driften.\n\n"
                          "Potentialet ved bedre understøttelse af 1. linjelederne og bedre "
                          "understøttelse af sygefravær blev berørt af rådmandskredsen.",
                          "droeftet", answers=(1,)),
                    Point("Vi har eksisterende partnerskaber med bl.a. VIA, men kan vi tage "
                          "disse partnerskaber til et nyt niveau? Rådmanden gjorde specifikt "
                          "opmærksom på, at han meget gerne stiller sig til rådighed i forhold "
                          "til eventuelle samarbejdsforhandlinger i det omfang det kunne være "
                          "gavnligt.\n\n"
                          "Er der mulighed for yderligere samarbejde med VIA samt FOA og SL? "
                          "Dette kunne være i forhold 4 dages arbejdsuge (evt i stil med "
                          "aktuelle tiltag i MSO og MBU) eller måske en lokalaftale der i "
                          "højere grad frisætter medarbejderne i forhold til egne ønsker i "
                          "vagtplaner og planlægning. Det vil dog være vigtigt med en beregning "
                          "på eventuelle økonomiske konsekvenser, samt at alle driftsområder i "
                          "så fald byder sig til som mulige forsøgsområder.",
                          "droeftet", answers=(2, 3)),
                ),
                text="""
Der blev også drøftet muligheden for at se på dokumentationskrav, midlertidige stillinger
til andre faggrupper der står til at falde ud af dagpengesystemet, og hvad der skal ske med
"sporskiftemodellen" fremadrettet.

Potentialet i bedre onboarding og intro-stillinger blev drøftet. Der er aktuelle tiltag i
både sygehusvæsnet og MSO, der kan være relevante at se nærmere på.

Det aftales, at Organisation og Ledelse følger op på ovenstående og melder tilbage til
rådmandskredsen.
""",
                follow_ups=(FollowUp(
                    "Organisation og Ledelse",
                    "Organisation og Ledelse følger op på ovenstående og melder tilbage til "
                    "rådmandskredsen."),),
            ),
        ),
        Item(7, "Opfølgning på mål og økonomi regnskab 2022", decision=Decision(
            points=(Point("Materialet blev drøftet.", "droeftet"),),
            text="""
Rådmandskredsen brugte tid på at drøfte gæld og opsparing på overordnet niveau.

Der var også drøftelser af, hvordan visionerne via udviklings- og omstillingsplanen
konkretiseres ud i den daglige praksis.

På den ene side er der behov for at forholde sig til, hvordan de mange mia. kr. på området
bruges, på den anden side er det vigtigt at se på, om vi har de rigtige mål på socialområdet
og om disse eventuelt skal forenkles ud i linjen.

Det blev aftalt, at der i regi af drifts- og koordinationsforum tages en drøftelse af,
hvordan vi i MSB målet effekter på socialområdet. På den baggrund vurderer direktionen, om
der er behov for at inddrage rådmanden.
""",
            follow_ups=(FollowUp(
                "Drifts- og koordinationsforum",
                "Der tages en drøftelse af, hvordan vi i MSB målet effekter på socialområdet. På "
                "den baggrund vurderer direktionen, om der er behov for at inddrage rådmanden."),),
        )),
    ),
)
