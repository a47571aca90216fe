"""The Rådmandsmøde before 11 September 2023: its minutes open the September pack (seed 000,
lines 1–69), where they are Bilag 1 of item 2 "Referat"."""

import datetime as dt

from demo.data.series import RAADMAND
from demo.data.types import Decision, FollowUp, Item, Meeting, Point

MEETING = Meeting(
    series=RAADMAND,
    # Chosen: the seed gives no date; the Rådmandsmøde the Monday before 11 September 2023.
    date=dt.date(2023, 9, 4),
    start_time=dt.time(11, 0),
    end_time=dt.time(13, 0),
    location="Rådmandens kontor, vær. 436",
    status="published",
    minutes_approved_at=dt.date(2023, 9, 11),
    items=(
        Item(1, "Dagsorden", decision=Decision(points=(Point("Godkendt.", "godkendt"),))),
        Item(2, "Referat", decision=Decision(points=(Point("Godkendt.", "godkendt"),))),
        Item(
            3, "Orientering om resultater fra senioranalyse 2023", minutes=10,
            # Reconstructed: the seed's decision "1) …" answers a point the seed does not show.
            recommendations=(
                "at rådmanden tager orienteringen om resultaterne fra senioranalyse 2023 til "
                "efterretning",
            ),
            decision=Decision(
                numbered=True,
                points=(Point("Rådmanden tog orienteringen til efterretning.",
                              "taget_til_efterretning", answers=(1,)),),
                text="""
Stabschef Jeanette Hoppe orienterede om resultaterne af den nye senioranalyse, som viser, at
der er stor potentiale for at sikre større kendskab til de eksisterende seniormuligheder i
MSB. Rådmanden spurgte til, om der pba. resultaterne er planlagt nye initiativer. De
planlagte drøftelser med chefgruppen og HMU om resultaterne vil bl.a. omhandle dette samt
hvordan der sikres større kendskab til de eksisterende.
""",
            ),
        ),
        Item(
            4, "Status på udrulning af relationel velfærd", minutes=20,
            # Reconstructed, as for item 3.
            recommendations=(
                "at rådmanden tager status på udrulningen af relationel velfærd til efterretning",
            ),
            decision=Decision(
                numbered=True,
                points=(Point("Rådmanden tog statussen til efterretning.",
                              "taget_til_efterretning", answers=(1,)),),
                text="""
Driftschef Ruth Lehm og afdelingsleder Mette Lybeck gav en status på udrulningen af
relationel velfærd (RV). Udrulningen går overordnet rigtig godt, men der er forventede bump
på vejen. Og der har for nylig været rejst kritik af udrulingen. De væsentligste aktuelle
udfordringer og bekymringer er:

• At det går for stærkt. Men nogle har omvendt en oplevelse af, at det går for langsomt. Det
  blev påpeget, at det kræver tålmodighed at få erfaringer, og det kræver rigtig meget
  ledelse og facilitetering at få RV udrullet.
• Afspecialisering: Der er blandt nogle medarbejdere en bekymring for, at udrulningen går ud
  over dybdefagligheden og specialiseringen i indsatserne. Det blev påpeget, at det kan være
  svært ikke at tænke ud fra specialeorganiseringen, som den ser ud i dag, men at det er
  vigtigt, at familiernes situation og helheden kommer før det.
• Ledelse af teams på tværs af fagligheder og organisationer.
• Uklarhed om sagsgange.

Ift. de to sidste dots fremhævede Lotte Henriksen Opgang til Opgang-rapporten som mulig
inspirationskilde til den videre håndtering, da der heri er en del overlap med RV.

Endelig orienterede Ruth og Mette om, at de hidtidige resultater fra Søndervang og Ellehøj
ser meget positive ud, samt at medarbejdertilfredsheden også er høj. Der er også ved at
blive set på en måde at måle børnenes trivsel, og der vil også blive set på fraværstal fra
MBU mhp. evt. positive udviklingstendser herfor.

Rådmanden spurgte nærmere ind til fortællingen og narrativet om RV mhp. hvor vigtig denne er
i den fælles kommunikation internt og eksternt. Det blev aftalt, at rådmanden får et kort
bud på pitch herom. Rådmanden efterspurgte også en Q&A med de mest stillede spørgsmål. FAS
følger op.

Endelig stillede rådmanden sig til rådighed, hvis der er nogle medarbejdere, som gerne vil
have ham ud til møde. Eller hvis rådmanden på anden vis kan hjælpe til ifm. med udrulingen.
""",
                follow_ups=(FollowUp(
                    "FAS",
                    "Et kort bud på pitch om RV til rådmanden og en Q&A med de mest stillede "
                    "spørgsmål."),),
            ),
        ),
        Item(5, "Orientering fra Magistraten", decision=Decision(text="""
Rådmanden orienterede om aktuelle emner fra magistratsmødet.
""")),
        Item(6, "Orientering om udvalgsmødet", decision=Decision(text="""
Rådmanden orienterede om, at han deltager virtuelt på næste udvalgsmøde.

Derudover blev dagsordenspunktet om Status på Ungeteamet vendt.
""")),
        Item(7, "Bordrunde", decision=Decision(
            points=(Point("Intet at bemærke.", "taget_til_efterretning"),))),
    ),
)
