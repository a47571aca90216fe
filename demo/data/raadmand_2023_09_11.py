"""The September 2023 Rådmandsmøde: the pack of seed 000 (agenda, the two memos with their
appendices, lines 70–870) and its minutes (lines 1109–1178)."""

import datetime as dt

from demo.data import raadmand_2023_09_04, udvalg_2023_09_20
from demo.data.appendices import integration_status, klimaplan, klimaplan_fordeling
from demo.data.appendices.from_meetings import committee_agenda, short_minutes
from demo.data.series import RAADMAND
from demo.data.types import Attachment, Decision, FollowUp, Item, Meeting, Memo, Point

MEETING = Meeting(
    series=RAADMAND,
    # Chosen: the seed gives no date; the Monday between the memos of 6 and 7 September and
    # the committee meeting of 20 September 2023.
    date=dt.date(2023, 9, 11),
    start_time=dt.time(11, 0),
    end_time=dt.time(13, 0),
    location="Rådmandens kontor, vær. 436",
    status="minutes_approved",
    items=(
        Item(1, "Dagsorden", decision=Decision(points=(Point("Godkendt", "godkendt"),))),
        Item(
            2, "Referat",
            attachments=(Attachment(
                "Referat fra rådmandsmødet den 4. september 2023",
                short_minutes(raadmand_2023_09_04.MEETING)),),
            decision=Decision(points=(Point("Godkendt", "godkendt"),)),
        ),
        Item(
            3, "Klimaplan i MSB", minutes=10,
            memo=Memo(
                template="A",
                sections=(
                    ("SAGSFREMSTILLING", """
I 2008 vedtog byrådet ambitionen om et CO2-neutralt bysamfund i 2030. MSB har siden arbejdet
på at nedbringe magistratsafdelingens CO2-udledning og har bl.a. investeret i 25 elbiler.
MSB har dog stadig en betydelig CO2-udledning, især på transport- og fødevareområdet. MSB
ejer bl.a. 152 fossildrevne køretøjer og er den magistratsafdeling, hvor medarbejderne kører
mest i deres egne biler i arbejdstiden.

I de kommende år er der derfor behov for at styrke indsatsen. For at sikre, at MSB
fortsætter den grønne udvikling, har Byrådet den 24. maj 2023 besluttet at reservere midler
i Klimafonden til understøttelse af klimahandlinger. Midlerne frigives, når afdelingen
fremlægger en plan for arbejdet for Magistraten.

Som en første handling ønskes arbejdet med klimaplanen igangsat ved at ansætte en grøn
forandringsagent MSB, der skal styrke det nuværende klimaarbejde i MSB. Vedkommende skal
besøge og hjælpe afdelinger med grønne løsninger inden for fødevarer, transport og indkøb
samt udvikle og følge op på initiativerne i planen.
"""),
                    ("HANDLEMULIGHEDER/LØSNINGER", """
Mål, Økonomi og Boliger har efter input fra MSB’s klimagruppe, som er bredt forankret i
driftsområder og stabe, og med afsæt i drøftelser i Chefgruppen MSB og Direktionen,
udarbejdet en klimaplan, der skal tackle aktuelle klimaproblemstillinger i MSB.

Af nye tiltag foreslås det bl.a. at:

1) Give et tilskud ved udfasning af fossildrevne køretøjer i MSB, som øremærkes til
leasing/køb af elkøretøjer/cykler eller andre grønne initiativer.

2) Give øget cykelgodtgørelse til medarbejdere, der cykler i arbejdstiden.

3) Igangsætte forsøgsordninger for at opbygge flere erfaringer med cyklisme i arbejdstiden,
herunder at give tilskud til cykler, ladcykler, cykelskure, cykeltasker, regntøj og arbejde
med nem booking, nøglefri løsninger og konkurrencer

4) Deltage i et nyt grønt rejsehold, som skal besøge og vejlede institutioner i grønne valg
i hverdagen ift. madlavning, indkøb osv.

5) Lave kørselsanalyser mhb. på at sikre effektiv udnyttelse af flåden samt at ændre
reglerne for kørselsgodtgørelse og brugen af høj takst.
"""),
                    ("ØKONOMI", """
Tiltagene finansieres af de 8 mio. kr., som MSB tildeles af byrådet igennem klimapuljen. De
8 mio. kr. foreslås disponeret, som det fremgår af bilag 1. Bilag 1 er til internt brug i
MSB, og skal ikke fremsendes til Magistraten, som modtager en forkortet version af
klimaplanen. Herudover har MSB allerede etableret en række grønne indsatser, som indgår i
planen, men som er i drift og finansieres af eksisterende budgetter.
"""),
                    ("KOMMUNIKATION", """
Klimagruppen vil være ansvarlig for at lægge en plan for kommunikation i MSB omkring
tiltagene, når de implementeres.
"""),
                    ("VIDERE PROCES", """
MSB’s klimaplan foreslås, på baggrund af et tidligere ønske fra Rådmanden, behandlet af det
politiske udvalg den 20. september. Magistratsafdelingernes klimaplaner skal herefter
godkendes samlet af Magistraten den 23. oktober. Mål, Økonomi og Boliger er ansvarlig for
processen og vil også, i tæt samarbejde med MSB’s klimagruppe, være tovholder på
implementeringen af og opfølgningen på klimaplanen.
"""),
                    ("KOORDINERET MED", """
MSB’s klimagruppe har bidraget til forslagene i planen. Der har desuden været en
inddragelsesproces i bl.a. JVS og JUS for at kortlægge udfordringer på transportområdet og
udlægge mulige løsninger herpå. Klimaplanen har også været drøftet i Chefgruppen den 23.
august samt i Direktionen den 31. august.
"""),
                ),
                sending_unit="Effekt – Mål, Økonomi og Boliger",
                date=dt.date(2023, 9, 6),
                case_officer="Thomas Artmann Kristensen",
                phone="2134 5348",
                email="thak@aarhus.dk",
            ),
            recommendations=(
                "at Rådmanden godkender og fremsender klimaplanen for MSB til behandling i "
                "Social- og Beskæftigelsesudvalget",
                "at Rådmanden godkender disponering af de afsatte 8 mio. kr som beskrevet i "
                "bilag 1",
            ),
            attachments=(
                # "Bilag 1 er til internt brug i MSB" (ØKONOMI): closed to the public.
                Attachment("Økonomisk fordeling af klimaplanens 8 mio. kr.",
                           klimaplan_fordeling.APPENDIX, is_closed=True),
                Attachment("Forslag til klimaplan for MSB", klimaplan.APPENDIX),
            ),
            decision=Decision(
                points=(
                    Point("Rådmanden godkendte at klimaplanen sendes frem til Social- og "
                          "Beskæftigelsesudvalget med nogle præciseringer på bl.a. "
                          "fødevareområdet.", "godkendt", answers=(1,)),
                    Point("Rådmanden godkendte disponeringen af midler, under en forudsætning "
                          "af, at MØB vurderer om ønsket om øget fokus på fødevareområdet vil "
                          "have eventuelle konsekvenser for disponeringen.",
                          "godkendt", answers=(2,)),
                ),
                text="""
Økonomichef Michael Justesen gav en indledende orientering. Der er tale om en to-årig
tidsafgrænset pulje, hvor MØB har lagt stor vægt på mest mulig effekt for MSBs
klimaregnskab. Det er derfor særligt transportområdet der har været fokus på. Det er et
vigtigt område for klimareduktioner, men også et område hvor medarbejdere i noget omfang kan
blive ført over på alternative befordringsmåder som kollektiv transport og el-cykler.

Stabschef Jeanette Hoppe efterspurgte et tydeligt handlingsanvisende katalog til lederne, så
der ikke bare bliver tale om gode hensigter.

Rådmanden efterspurgte en pausus i materialet, hvor der mere proaktivt blev tilkendegivet et
ønske om mere brug af el-cykler inden for en given transportradius - dette skal dog lægge
sig op af en eventuel fælleskommunal beslutning. Der skal også sikres et større fokus på
fødevareområdet, og hvad MSBs strategi er for at nedbringe CO2-forbruget her. Samtidig blev
der efterspurgt, om der kan opstilles konkrete delmål (med respekt for de cent?
Projektlederen hos MØB følger op.
""",
                follow_ups=(FollowUp(
                    "MØB",
                    "Projektlederen hos MØB følger op på præciseringerne af klimaplanen: mere "
                    "brug af el-cykler, større fokus på fødevareområdet og konkrete delmål."),),
            ),
        ),
        Item(
            4, "Nye tiltag på integrationsområdet pba ny organisering",
            memo=Memo(
                template="A",
                sections=(
                    ("SAGSFREMSTILLING", """
Med henblik på at styrke fokus på den virksomhedsvendte indsats, blev Integrationsafdelingen
pr. 1. juli 2023 en del af driftsområdet Job og Virksomhedsservice og det nye Center for
Job, Virksomhedsservice og Integration (CJVI). Dvs. at indsatsen overfor de nyankomne
flygtninge på S&H-ydelse nu er placeret her.

Det bemærkes, at der i forlængelse af den nyligt afholdte temadrøftelse om integration vil
blive udarbejdet en handleplan på integrationsområdet bredt set – hvor indsatser for også de
langtidsforsørgede vil indgå.

Aktuelle problemstillinger

Et arbejdsmarked i forandring – flere krav, færre relevante kandidater

Beskæftigelsen er steget for 16. måned i træk, og er på et historisk højt niveau. Det har
medvirket til, at de første 500 ukrainere har fået tilknytning til det ordinære
arbejdsmarked.

For at få alle med i et arbejdsfællesskab, er der med afsæt i nytteindsatsen igangsat flere
initiativer, herunder IGU, sprogundervisning og uddannelse. Virksomhederne er dog begyndt at
stille flere krav til kandidaternes faglige og sproglige kompetencer samtidig med, at stadig
færre borgere i målgruppen kan imødekomme disse krav. Interessen for at ansætte ukrainsk
arbejdskraft er også aftagende, og jobformidlingsarbejdet skal nu i endnu højere grad
tilrettelægges individuelt. Desuden er efterspørgslen om forudgående ansættelse i praktik
eller med løntilskud stigende.

En målgruppe i forandring og øget motivationsarbejde

Der er aktuelt 446 jobparate modtagere af selvforsørgelses- og hjemrejseydelse
(S&H-ydelse), hvoraf 367 er fra Ukraine, jf. bilag 1.

Der er behov for at flere i målgruppen (kontinuerligt) placeres i virksomhedsrettede tilbud,
indtil ordinær beskæftigelse er opnået. Borgernes motivation for at komme i job, er dog
faldende. Samtidig stilles der større krav til jobbets indhold, arbejdstider samt
geografiske placering. Begge disse faktorer gør det sværere at formidle direkte til ordinære
jobs, og kræver derfor en mere individuelt tilrettelagt indsats med øget fokus på
motivationsarbejde. Det bemærkes, at sanktioner bruges kontinuerligt.

Borgere med nedsat arbejdsevne og seniorer

Der er aktuelt 208 aktivitetsparate S&H-ydelsesmodtagere under 67 år. Der er igangsat en
målgruppeanalyse for at afdække, hvor stor en andel, der vurderes at være i målgruppen for
afklaring til fleksjob, herunder hvor langt afklaringsperspektivet er.

Blandt alle flygtninge på S&H-ydelse, er 124 i aldersgruppen +50 år. Denne seniormålgruppe
er dog sværere at formidle direkte til job samt etablere virksomhedsrettede tilbud til. En
del af forklaringen er, at flere i målgruppen allerede er helt/delvist alderdomspensioneret
i Ukraine. Der er således både tale om en aldersproblematik såvel som kulturelle
forskelligheder, som kalder på et stort motivationsarbejde og flere virksomhedsrettede
tilbud. Blandt de andre nationaliteter, arbejdes der med udfordringer, som handler om en
anderledes sygdoms- og kulturforståelse samt tilfælde af negativ social kontrol.

Fravær

Der er et stort fravær fra danskuddannelse hos en del borgere pga. egen/børns sygdom, som
dog er svær at dokumentere. Der arbejdes på at ansætte en socialfaglig medarbejder, som
systematisk skal følge op på unaturligt højt fravær.

Rejseaktiviteter

Flere ukrainerne rejser mellem Danmark og Ukraine, hvilket skaber lange afbrydelser i den
enkeltes beskæftigelsesrettede indsats, herunder deltagelse i danskundervisning.
Rejseaktiviteten kan desuden indikere, at en større andel af ukrainerne har en formue, da de
frasiger ydelse i adskillige uger, uden at det tilsyneladende har indvirkning på deres
muligheder for at betale indkvarteringstakst (husleje).
"""),
                    ("HANDLEMULIGHEDER/LØSNINGER", """
Den nye organisering i Job og Virksomhedsservice tillader et øget og bredere jobfokus i
samarbejdet på tværs i centret - til gavn for borgerne. I forlængelse af ovenstående, kan
nuværende og nye udviklingstiltag på integrationsområdet oplistes i fire temaer:

Jobformidling og fastholdelse

a) Styrkelse af jobformidlingsindsatsen ved et endnu tættere samarbejde med
Virksomhedsservice via en koordineret opsøgende indsats og løbende tilpasning til et
arbejdsmarked og en målgruppe i forandring (fx flere mænd)

b) Øget fokus på lønnede timer som trædesten til arbejdsmarkedet for borgere længere fra
arbejdsmarkedet. Enten mod fuld selvforsørgelse eller evt. fleksjob på sigt (særligt kvinder
med begrænset/ingen arbejdsmarkedserfaring)

c) Styrkelse af indsatsen ift. etablering af IGU-forløb

d) Jobmesse den 24/10-23 med – som noget nyt - blandede målgrupper samt en række mindre
match-arrangementer for ledige med færre danskkompetencer

e) Styrkelse af borgernes selvstændige jobsøgning gennem grundig rådgivning samt fokus på
forpligtende aftaler om jobsøgningsaktiviteter og øget brug af joblog; internt og i
samarbejde med eksterne aktører som fx DRC Integration

f) Som noget nyt – afdække behovet for forpligtende samarbejder ift. fastholdelse med
virksomhederne, der har ansat borgere i målgruppen for at undgå tilbagefald til ydelse

Opkvalificering til brancher med behov for arbejdskraft

a) Øget branchefokus i samarbejdet med borgerne og i den opsøgende indsats

b) Flere brancherettede opkvalificeringsforløb i brancher med aktuelt eller fremtidig behov
for arbejdskraft, fx transport, rengøring, service og industri, og som noget nyt et ekstra
fokus på landbrug/grønne områder. Der indgås dialog med kommunens udbyder af
danskuddannelse om brancheorienterede forløb

En aktiv og tværfaglig (tidlig) indsats for aktivitetsparate

a) Kortlægning af målgruppen

b) Som noget nyt - intensiveret indsats for de ca. 120 aktivitetsparate borgere, gennem
øgede virksomhedsrettede aktiviteter, fx via virksomhedsøvebaner i samarbejde med Center
for Fleksjob og Særlige Virksomhedsindsatser

c) Som noget nyt - intern opkvalificering ift. afklaring af arbejdsevne, heriblandt
udarbejdelse af rehabiliteringsplanens forberedende del

d) Øget brug for virksomhedsmentor

e) Fortsat styrkelse af medarbejdernes koblingskompetencer internt i afdelingen og på tværs
i og uden for MSB

En aktiv modtagelses- og boligindsats

a) Fortsat udslusning til den almene boligmasse via den sociale boligtildeling og
vejledning af borgerne i selvstændig boligsøgning og støttemuligheder i det ordinære system

b) Tæt opfølgning hos individer og familier, der har særlige udfordringer og brug for
tættere koordinering med Voksne, Job og Handicap, Børn, Familie og Fællesskaber, MSO
og/eller sundhedssystem og civilsamfund
"""),
                    ("ØKONOMI", """
Den ovenfor beskrevne styrkelse af nuværende indsatser samt nye udviklingstiltag,
finansieres indenfor eksisterende ramme.
"""),
                    ("VIDERE PROCES", """
Bilag 1 opdateres løbende med data, hvor effekten af de nye indsatser følges tæt.
"""),
                    ("KOORDINERET MED", """
MØB er inddraget i dataopgørelsen i bilag 1, som løbende opdateres.
"""),
                ),
                sending_unit="Job, Virksomhedsservice og Integration – Job og Virksomhedsservice",
                date=dt.date(2023, 9, 7),
                case_officer="Sunniva L. Bakke",
                phone="41 84 87 09",
                email="sulb@aarhus.dk",
            ),
            recommendations=(
                "at rådmandsmødet drøfter den nye organisering på integrationsområdet og "
                "beskrivelsen af nuværende og nye udviklingstiltag",
            ),
            attachments=(Attachment("Status på integrationsområdet",
                                    integration_status.APPENDIX),),
            # The minutes call this item "Status på integrationsområdet" and record no
            # numbered point, only the discussion.
            decision=Decision(text="""
Driftschef Karin Rasmussen gav en indflyvning til materialet. Området er flyttet pr.
1.7.2023 og der opleves stor synergi med Job og Virksomhedsservice. Der var en
selvrefleksion over kvaliteten af materialet i bilag 1, der bærer præg af, at det kan være
svært at fremskaffe valide data inden for sammenlignelige tidsinvervaller.

Generelt har integrationsområdet været præget af stor driftighed og engagement, og nu er der
brug for en systematisk tilgang til den virksomhedsvendte indsats (hvor civilsamfundet og
andre dele af kommunen forhåbentligt kan træde til i forhold til hverdagsproblemer som MitID
mv.).

Der var enighed om, at den relativt store gruppe ukrainere, der giver udtryk for gerne at
ville blive i Danmark, bør sikres et godt og varigt fodfæste. Dette sker især gennem en
målrettet beskæftigelsesindsats, hvor der også stilles klare krav og forventninger til dem.
"""),
        ),
        Item(5, "Orientering fra Magistraten", decision=Decision(
            text="""
Bemærk at møderne i Magistraten fra 2024 flyttes til tirsdag (for nuværende afvikles de
mandag). Dette vil have betydning for rådmandsmøderne, der ligeledes flyttes til tirsdag.
Organisation og Ledelse følger op.

Udmeldingen fra borgmesterens afdeling er, at de nuværende deadlines fortsat fastholdes, på
trods af mødet nu afvikles en dag senere.

Rådmanden for Kultur og Borgerservice går på orlov, og dette får indvirken på
udvalgssammensætningen i Social- og Beskæftigelsesudvalget. Direktør Erik Kaastrup-Hansen
følger op i forhold til at sikre det nye udvalgsmedlem en god introduktion.
""",
            follow_ups=(
                FollowUp("Organisation og Ledelse",
                         "Rådmandsmøderne flyttes til tirsdag, når møderne i Magistraten fra "
                         "2024 flyttes til tirsdag."),
                FollowUp("Direktør Erik Kaastrup-Hansen",
                         "Sikre det nye udvalgsmedlem i Social- og Beskæftigelsesudvalget en god "
                         "introduktion."),
            ),
        )),
        Item(
            6, "Orientering om udvalgsmødet",
            attachments=(Attachment(
                "Dagsorden til mødet i Social- og Beskæftigelsesudvalget den 20. september "
                "2023.docx",
                committee_agenda(udvalg_2023_09_20.MEETING)),),
            decision=Decision(text="""
Den kommende dagsorden til udvalget blev drøftet. Det blev besluttet at fastholde
klimaplanen til behandling.
"""),
        ),
        Item(7, "Bordrunde", decision=Decision(
            points=(Point("Intet til referat.", "taget_til_efterretning"),))),
    ),
)
