"""Bilag 1 of "Ukrainestatus uge 10" (seed 004, lines 192–385). The seed's Figur 1 is a chart;
only its caption and source are text."""

from demo.data.types import Appendix, Heading, Small, Table

APPENDIX = Appendix(
    kicker=("Bilag 1", "Til Rådmandsmøde", "Til Orientering"),
    title="Status på MSB’s arbejde ift. ukrainske flygtninge i Aarhus – Uge 10 2023",
    sender=(
        "Sociale Forhold og Beskæftigelse",
        "Organisation og Ledelse",
        "Aarhus Kommune",
        "",
        "MSB Ledelsessekretariat og Organisation",
        "Rådhuset, Rådhuspladsen 2",
        "8000 Aarhus C",
        "",
        "Direkte telefon: 41 85 99 86",
        "",
        "Direkte e-mail:",
        "nilbr@aarhus.dk",
        "",
        "Sagsbehandler:",
        "Nille Bregenov-Pedersen",
    ),
    blocks=(
        Heading("Baggrund"),
        """
Nedenfor følger seneste rådmandsstatus på MSB’s arbejde ift. håndteringen og planlægningen
af modtagelse af flygtninge fra Ukraine.
""",
        Heading("Antal ukrainere med opholdstilladelse visiteret til Aarhus Kommune"),
        """
Iht. Udlændingestyrelsens seneste opdatering af status på antal ukrainere tildelt
opholdstilladelse er 1.850 ukrainere per 5. marts 2023 visiteret til AKK.

Styrelsen for Arbejdsmarked og Rekrutterings Jobindsats opgør det aktuelle tal, som tager
højde for udrejste eller fraflyttede kommunen. Per 5. marts 2023 er der i AAK således 1.567
ukrainere med ophold efter særloven. 67 pct. er kvinder, og 33 pct. mænd. Aldersfordelingen
fremgår af tabel 1.
""",
        Table(
            caption="Tabel 1: Aldersfordeling blandt ukrainske flygtninge med opholdstilladelse "
                    "i Aarhus Kommune per 26/2 2023",
            head=("Alder", "Antal", "Andel"),
            rows=(
                ("0-15 år", "447", "29%"),
                ("16-66 år", "1.039", "66%"),
                ("67+ år", "81", "5%"),
            ),
        ),
        Small("Kilde: Jobindsats.dk"),
        """
På nationalt niveau er der aktuelt indgivet 38.742 ansøgninger om opholdstilladelse efter
særloven. Ud fra den af Udlændinge- og Integrationsministeriet fastsatte fordelingsnøgle kan
Aarhus Kommune forvente at skulle modtage 6%, svarende til ca. 2.300 flygtninge.
""",
        Heading("MSB’s indsatsområder"),
        Heading("Beskæftigelse", level=3),
        """
Aktuelt er der 729 ukrainske flygtninge, der modtager hjemrejse- og selvforsørgelsesydelse
(SH-ydelse), hvor 599 er vurderet jobparate, og 130 er vurderet aktivitetsparate.

Foruden ovenstående ukrainske SH-ydelsesmodtagere er der aktuelt 260 ukrainere, som er
selvforsørgende, men stadig i integrationsprogram.

Af tabel 2 fremgår status på beskæftigelsen blandt de ukrainske flygtninge i alderen 18-66
år på tværs af 6-byerne. Tallene stammer fra Jobindsats.dk og bliver løbende efterreguleret.
Det forventes derfor, at de seneste tal for januar 2023 stiger forinden næste status, da
dette er sket ved de tidligere måneder.

Ses der på andelen i beskæftigelse blandt alle 16-66-årige ukrainske flygtninge med ophold
den pågældende måned, ligger Aarhus, København, Aalborg og Odense på niveau i januar 2023 -
med hhv. 32 pct. eller 31 pct. På landsplan er tallet 37 pct.

Hvis der ses på andelen i beskæftigelse alene blandt de 16-66-årige ukrainske flygtninge,
som ”står til rådighed for arbejdsmarkedet” (jobparate og beskæftigede) er tallene markant
højere for alle byerne. I Aarhus er andelen på 42 pct., som er 15 procentpoint under
landstallet. Som nævnt i tidligere statusser kan forskellene ved denne
beskæftigelsesopgørelse tilskrives forskelle i andelen mellem hhv. jobparate og
aktivitetsparate i de forskellige byer. København har eksempelvis stadig en stor gruppe, som
ikke er visiteret endnu, hvorfor de ikke tæller med i opgørelsen. Københavns tal på 58 pct.
skal derfor tolkes med dette forbehold.

Derudover spiller brancheforskelle på tværs af kommunerne også en stor rolle. Som nævnt i
tidligere statusser har Esbjerg Kommune (og de omkringliggende kommuner) flere brancher med
jobs, som ikke nødvendigvis kræver store dansk- eller engelskkundskaber. Det er med til at
forklare, hvorfor flere ukrainere i Esbjerg er i beskæftigelse sammenlignet med de andre
6-byer.
""",
        Table(
            caption="Tabel 2: Andel beskæftigede 16-66-årige med ophold efter særloven, fordelt "
                    "på ”alle” og ”til rådighed for arbejdsmarkedet”, januar 2023",
            head=("", "Antal 16-66 år med ophold efter særloven",
                  "Andel i beskæftigelse (Blandt alle)",
                  "Andel i beskæftigelse (Blandt Jobparate)"),
            rows=(
                ("Hele landet", "19.999", "37%", "57%"),
                ("Aarhus", "1.039", "32%", "42%"),
                ("København", "2.024", "32%", "58%"),
                ("Aalborg", "635", "31%", "41%"),
                ("Odense", "619", "31%", "45%"),
                ("Randers", "346", "22%", "35%"),
                ("Esbjerg", "381", "48%", "66%"),
            ),
        ),
        Small("Kilde: Monitorering af fordrevne personer fra Ukraine (jobindsats.dk) pr. 5. "
              "marts 2023."),
        Small("Note: I tallene indgår alle med en form for indkomst uanset timeantal, dvs. både "
              "ukrainere som er fuldt ud selvforsørgende og ukrainere, som har lønnede timer "
              "suppleret med ydelse."),
        Small("Det bemærkes, at alle flygtninge ifølge loven skal registreres som jobparate ved "
              "ankomst. Derefter kan der laves en individuel vurdering af den enkelte flygtning "
              "ift., om de faktisk kan varetage et ordinært arbejde."),
        """
Ses der nærmere på sammenhængen mellem ophold i Danmark og beskæftigelse, ses det af figur
1, at der (forventeligt) er flere ukrainere i beskæftigelse, jo længere tid, de har været i
Danmark. Eksempelvis er 35 pct. af de 588 16-66-årige ukrainere, som kom til Aarhus Kommune
i 2. kvartal 2022, selvforsørgende og modtager således ikke ydelse. 7 pct. modtager ydelse
suppleret med lønindkomst, og 58 pct. modtager kun ydelse.

Figur 1: Forsørgelsesstatus blandt ukrainske flygtninge i AAK per 7. marts 2023 fordelt på
ankomsttidspunkt
""",
        Small("Kilde: Fasit og e-indkomstregistret."),
        Heading("Beskæftigelsesindsatser", level=3),
        """
Ukraine Job Task Force arbejder fortsat på højtryk med at få ukrainerne i beskæftigelse. Det
primære mål er jobåbninger til ordinær beskæftigelse, men virksomhederne er blevet mere
opmærksomme på at få støttet opstart. UJTF har derfor fokus på at forklare:
• at det altid er en individuel vurdering af jobbet og borgerens kompetencer, der afgør, om
  der kan bevilges praktik/løntilskud
• at få virksomhederne til at forklare, hvad der hindrer, at borgeren kan gå direkte i
  ordinært job og dermed hvilket formål praktikken/løntilskuddet har.

Hvis virksomheden har et behov for arbejdskraft og har svært ved at forklare UJTF
ovenstående, bliver der som regel landet en aftale om ordinært job. Praktik/løntilskud er
dog fortsat et godt og relevant redskab, men det skal give mening og ikke blot være fordi,
at virksomheden ønsker økonomisk støtte.

Eleverne på det nye SOSU-forløb er i denne uge startet i det fire ugers intensive
sprogforløb ved Clavis, og så starter deres ansættelse i SOSU-forløbet efter påske.
""",
        Heading("Midlertidig indkvartering", level=3),
        """
Der er aktuelt en boligkapacitet på ca. 670 boliger, som enten er taget i brug eller under
klargøring inden for de næste par uger. Det er skønnet kapacitet til ca. 1.738 personer. Det
aktuelle visitationsmønster er det samme, som det har været siden sommeren 2022. Der bliver
visiteret et lille antal (mellem tre og otte) personer ugentligt. Og hver fjerde uge
modtager AAK et større antal. Således modtog AAK i uge 6 – lige før vinterferien – 39
personer. I denne uge – uge 10 – er der boligvisiteret godt og vel 30 personer til AAK. Det
skiftende antal nye boligvisiterede betyder, at der altid er et antal boliger klar, også
selvom de ikke i brug. Udfordringen er aktuelt, at der kommer en del enlige, som fordrer
nogle andre boligløsninger, end dem der er til rådighed.

Hvad angår permanent boligplacering er 31 familier indtil videre tildelt en almen
familiebolig med egen lejekontrakt og ansvar for at betale husleje, forbrug m.v. Der er seks
yderligere på vej. Det er en lidt langsom øvelse, og selv om der er seks mere på vej, så
tager det tid. Et forsigtigt estimat er, der måske kan anvises 10-20 permanente boliger pr.
måned. Men der vil være ældre personer, som der skal findes en ældrebolig til, og hvor det
vil være hensigtsmæssigt, at de fortsat bor et antal ukrainere det samme sted.

Der modtages fortsat der løbende både patienter, der indlægges på AUH, samt ambulante
patienter, som bliver indkvarteret på KalmarBo. Her bor aktuelt 15 patienter og pårørende
med hver deres lille lejlighed i én større lejlighed. Der er ansat en ukrainer, der sørger
for, at stedet er rent og pænt og indbydende samtidig med at nye patienter følges til
behandling på AUH de første par gange, indtil de selv mestrer vejen og stedet. Der sker
løbende udflytning fra KalmarBo til midlertidige boliger i nærheden.
""",
    ),
)
