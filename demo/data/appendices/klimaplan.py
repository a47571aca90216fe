"""Bilag 2 of "Klimaplan i MSB": the proposed climate plan (seed 000, lines 271–631). The
CO2 tables are the seed's empty forms, waiting for the climate secretariat's figures."""

from demo.data.types import Appendix, Facts, Heading, Table

APPENDIX = Appendix(
    title="Bilag 2. Klimaplan for Magistratsafdelingen for Sociale Forhold og Beskæftigelse",
    blocks=(
        Facts(rows=(
            ("Periode", "01/11/2023-31/12/2025\n\n(Fra 2025 integreres planen indholdsmæssigt "
                        "i kommunens fælles klimahandlingsplan.)"),
            ("Kontaktperson", "Thomas Artmann Kristensen"),
        )),
        Heading("Formål"),
        """
Formålet med MSB’s klimaplan er at styrke klimaindsatsen i MSB og nedbringe MSB’s
CO2-udledning. Det skal ske gennem faglig og økonomisk understøttelse af omstillingen, så
medarbejdere og ledere oplever, at de har kompetencer og ressourcer til at indtænke klima i
deres kerneopgaver, hvad end de arbejder med socialt udsatte, børn, unge, voksne med
handicap eller ledige.

Klimaplanen beskriver, hvordan der gennem konkrete indsatser fremadrettet arbejdes med klima
i MSB – både ud fra eksisterende planer og nye, som bliver mulige med tilførslen af midler
fra klimafonden. Fokus i klimaplanen er at igangsætte virkningsfulde tiltag med stor
CO2-reducerende effekt, som skal bidrage til, at afdelingen og kommunen som helhed bliver
CO2-neutral i 2030.
""",
        Heading("Vision for afdelingens klimaindsats"),
        """
Aarhus Kommune har sat et vigtigt mål om CO2-neutralitet i 2030. Med målet ønsker Aarhus
Kommune som arbejdsplads at være en førende aktør i den grønne omstilling. Men det ambitiøse
mål betyder også, at det er en udfordrende opgave at gennemføre omstillingen.

MSB skal i de kommende år blive grønnere ved at bygge ovenpå det gode arbejde, som er i gang
med at transportere os grønnere, benytte de digitale muligheder og spise grønnere. Men MSB
skal også bidrage til at brede den grønne omstillingen ud til borgerne. For omstillingen
rummer mange muligheder for at skabe værdi for borgere gennem nye typer af jobåbninger og
grønne fællesskaber. Dé muligheder skal afsøges ved at afprøve, hvordan omstillingen kan
hjælpe både ledige akademikere eller borgere på kanten af arbejdsmarkedet.

De grønne løsninger skal samtidig være bæredygtige i forhold til MSB’s fagligheder og
ressourcer. Omstillingen skal i videst mulige omfang ske uden at gå på kompromis med
kerneopgaven. Det vigtige i en travl hverdag med mange opgaver er, at den grønne omstilling,
hvor det er muligt, bliver understøttende for det daglige arbejde i MSB.
""",
        Heading("Indsatsområder og målsætninger"),
        Heading("1. Kommunen som virksomhed", level=3),
        Heading("1.1 Transport", level=3),
        """
Transport er en af de største bidragsydere i CO2-regnskabet for Aarhus Kommune. MSB ejer 152
fossildrevne biler og minibusser, som tilsammen udleder cirka 277 ton CO2 om året. Der er i
løbet af de seneste år blevet investeret i 25 elbiler, men i de kommende år er der behov for
at accelerere omstillingen af flåden for at nå det byrådsbestemte mål om en fossilfri flåde
ved udgangen af 2025.

Samtidig er MSB den magistratsafdeling, hvor medarbejderne kører mest i egen bil i
arbejdstiden. Det er særligt bostøtter, virksomhedskonsulenter og familiekonsulenter, som
bruger egne biler som et arbejdsredskab eksempelvis på virksomhedsbesøg eller på hjemmebesøg
ved anbragte børn. I alt kører medarbejdere i MSB 2,4 mio. km om året svarende til en
udledning på cirka 365 ton CO2. Målet er, at medarbejderes transport er omstillet til
emissionsfri alternativer som elbiler og cykler i 2030.

På beskæftigelsesområdet bidrager borgernes møder med Jobcentret og andre kommunale
afdelinger desuden til transport, som forårsager CO2-udledning i Aarhus som bysamfund. Ved
at bygge ovenpå etablerede ordninger med digitale møde- og dialogformer, kan behovet for
fysisk transport også nedbringes i bysamfundet.
""",
        Heading("2. Samfundseffekter", level=3),
        Heading("2.1 Forbrugsbaserede udledninger: Fødevarer, Møbler Osv.", level=3),
        """
Udledningen fra MSB’s indkøb af fødevarer og andre varer som f.eks. arbejdscomputere udgør
en stor kilde til CO2. Derfor er det vigtigt at have fokus på dem i kampen mod
klimaforandringerne, selvom de oftest ikke tæller med i kommunens eget CO2-regnskab, da
varerne sjældent er produceret i kommunen (såkaldte scope 3-udledninger). Det forventes
desuden, at Aarhus Kommune i den kommende tid vil sætte bindende mål for
magistratsafdelingernes udledning i scope 3.

Selvom der allerede er fokus på kostens klimabelastning i MSB’s køkkener, skal MSB i endnu
højere grad tænke madvarers CO2-belastning ind i hverdagen. MSB køber årligt fødevarer med
en udledning på cirka 1500 ton CO2, så flere sunde og klimavenlige måltider i MSB’s køkkener
er vigtige fokusområder i omstillingen. Sunde måltider med flere plantebaserede fødevarer
kan desuden have positive sundheds(økonomiske) gevinster og på sigt være med til at udligne
uligheder i sundhed. Grøn madlavning er derfor en oplagt mulighed for at aktivere og
engagere borgere og øge deres viden om sund kost.

På fødevareområdet har MSB som målsætning, i tråd med de fælleskommunale mål, at reducere
klimabelastningen fra fødevarer med 25 % senest i 2025.

MSB og resten af kommunen køber også stort ind af andre varer, og derfor vil det have en
stor effekt, når der fokuseres på klimavenlige varekøb, genanvendelse og sortering. Fokus i
indkøb skal være på at sikre holdbarhed, funktionalisme og genanvendelse. Det skal bl.a. ske
gennem fælleskommunale krav til kommunens samarbejdspartnere og leverandører og opbygning af
viden blandt vores mange indkøbere.
""",
        Heading("2.2 Grøn beskæftigelse og grønne sociale fællesskaber", level=3),
        """
Den grønne omstilling kommer grundlæggende til at forandre mange af de kompetencer, som
efterspørges på arbejdsmarkedet. Nogle virksomheder får behov for medarbejdere, som kan
arbejde med bæredygtighed og cirkulær økonomi. Andre kommer til at efterspørge arbejdskraft,
der kan upcycle og genanvende materialer. Dét arbejdsmarked skal MSB klæde borgerne på til.
Derigennem kan MSB både være med til at dreje ledige aarhusianeres karriere i en grøn
retning, samtidig med at vi understøtter virksomheder med medarbejdere, der tænker i
innovative grønne løsninger.

Den grønne omstilling skaber desuden muligheder for samarbejder omkring
beskæftigelsesrettede og socialøkonomiske initiativer, der kan forbedre mulighederne og
livskvaliteten for borgere på kanten af arbejdsmarkedet. MSB har også gjort sig de første
gode erfaringer med at opdyrke fællesskaber mellem borgere om grønne indsatser. Erfaringerne
viser, at det for mange borgere eksempelvis i MSB’s botilbud er meningsfuldt at bidrage til
et bedre miljø og fremtidige generationers liv i Aarhus.
""",
        Heading("De første handlinger"),
        Heading("1. Kommunen som virksomhed", level=3),
        Heading("1.1 Strøm til MSB’s køretøjer", level=3),
        Heading("1.1.1 En hurtigere emissionsfri flåde", level=3),
        """
Byrådet har vedtaget, at Aarhus Kommunes flåde skal være fossilfri senest ved udgangen af
2025. MSB har derfor arbejdet systematisk med udfasning af flåden og har etableret en
udfasningsplan med måltal for, hvor mange køretøjer, driftsområderne skal udfase årligt.
Desuden er der fundet finansiering til ladestandere, så udgifterne hertil ikke skal afholdes
af driftsbudgetterne.

MSB’s aktive arbejde med at omstille flåden har betydet, at MSB de fleste år har nået
Byrådets målsætninger. I 2022 var udfasningen af flåden dog udfordret af lange
leveringstider på elbiler og en presset økonomi i driftsområderne, som ydermere presses af,
at en 1:1 udskiftning af flåden før bilernes levedygtighed er udløbet, alt andet lige vil
være forbundet med merudgifter. Denne problematik bliver kun mere aktuel i de kommende år.
Hidtil har udfasningen været af ældre mindre biler, men fremadrettet står MSB overfor at
skulle skifte større køretøjer, hvor el-alternativer koster mere end fossildrevne køretøjer.

For at accelerere udfasningen af MSB’s fossildrevne flåde etablerer MSB en ordning, hvor der
i 2024 gives tilskud til udfasning af fossildrevne køretøjer. Midlerne gives som et
engangstilskud på 30.000 for køretøjer under 3000 kg og 60.000 for køretøjer over 3000 kg
efter et ’først til mølle’ princip. Tilskuddet øremærkes grønne initiativer og kan
eksempelvis bidrage til at finansiere (en del af) merudgifterne ved køb/leasing af elbiler.
Medfinansieringen kan derudover suppleres af salg af eksisterende køretøjer. Såfremt der er
midler tilbage i puljen i 2024 fortsættes ordningen i 2025.

Parallelt med at MSBs fossildrevne biler erstattes med elbiler skal der være fokus på, at
der kun indkøbes elkøretøjer, hvor der er behov for det. Tilskuddet dækker derfor kun en del
af merudgiften ved køb/leasing af en bil og gives ved udfasning for at skabe incitament til
udfasning af overkapacitet.
""",
        Heading("1.1.2 Mere effektiv udnyttelse af flåden", level=3),
        """
MSB har en stor flåde, hvoraf alle køretøjer ikke kører lige meget. For at MSB kan sikre en
bæredygtig omstilling af flåden, er det centralt, at arbejde systematisk med at udnytte
flåden så effektivt som muligt. Det indebærer dels at kigge på behovet for det nuværende
antal biler samt på mulighederne for at dele biler mere.

Når driftsområderne skal omstille deres køretøjer over de næste par år, skal de kunne træffe
et velinformeret valg mellem indkøb af nyt elkøretøj, en cykel eller udfasning. I løbet af
det seneste år har MSB installeret GPS’er i alle køretøjer, som gør det muligt at få viden
om kørselsmønstre, så bilflåden udnyttes mere effektivt, herunder viden om, hvorvidt biler
kan erstattes med elcykler.

Øget fokus på deling af elbiler og minibusser er desuden et vigtigt skridt i forhold til at
sikre en økonomisk bæredygtig omstilling af flåden. MSB har aktuelt en del minibusser og
biler, der står stille meget af tiden, og derfor er der et potentiale for at dele
elkøretøjer mere i MSB.

For at understøtte en mere effektiv udnyttelse af MSB’s nuværende flåde prioriteres der
ressourcer til analyser af gps-data samt til at afdække mulighederne for deling af køretøjer
på tværs af MSB.
""",
        Heading("1.2 En social- og beskæftigelsesindsats på to og tre hjul", level=3),
        """
Omstillingen fra biltransport til (el)cykler bliver et vigtigt indsatsområde, hvis MSB skal
i mål med 2030-målsætningen. Selvom elcykler allerede bruges mange steder, skal flere
medarbejdere, som i dag kører i bil i arbejdstiden, anvende cykler. På kortere ture, hvor
der er meget trafik, giver det derfor mening i endnu højere grad at anvende cykler.

Aarhus Kommunes kommende grønne mobilitetspolitik forventes også at motivere til mere grøn
personaletransport. Derfor bliver det vigtigt, at MSB er gearet til at cykle mere.

Omstillingen af medarbejdertransport i egne biler til cykler (eller kommunale elbiler)
bliver et vigtigt fokusområde. I et vist omfang vil medarbejdernes omstilling af egne biler
hjælpe på vej men ikke i tilstrækkelig høj grad. Omstillingen af transporten i egne biler
skaber svære dilemmaer, da begrænsninger på mulighederne for kørsel i egne biler påvirker
medarbejdernes dagligdag, økonomi og potentielt, hvor attraktiv MSB er som arbejdsplads.
Omstillingen vil betyde, at den enkelte medarbejder på nogle områder oplever et tab af
goder. Det betyder, at det er vigtigt sideløbende, at igangsætte initiativer, hvor
medarbejdere får en gevinst og en god oplevelse, når de gør brug af grønne transportmidler.
""",
        Heading("1.2.1 Cyklen som førstevalg", level=3),
        """
For at skabe et positivt økonomisk incitament til at cykle vil MSB hæve cykelgodtgørelsen
til medarbejdere. Aktuelt er det muligt at få udbetalt 0,54 kr. per km i cykelgodtgørelse,
hvilket er væsentligt under taksterne for kørsel i egne biler (henholdsvis 3,44 kr. per km
på høj takst og 1,90 på lav takst). Derfor er det økonomiske incitament til at tage bilen
fremfor cyklen markant.

Den endelige udformning af tilskuddet, f.eks. om cykelgodtgørelsen skal hæves, eller om der
skal udbetales et løntillæg skal kvalificeres i ultimo 2023/primo 2024.
""",
        Heading("1.2.2 Forsøgsprojekt med elcykler i driftsområder", level=3),
        """
Ofte er det ikke økonomi eller et manglende ønske om at transportere sig på cykel, som står
i vejen for at man tager cyklen. Derimod er det i høj grad vaner og manglende viden om,
hvordan man booker en elcykel eller fordomme om, at det er besværligt og langsomt. I andre
tilfælde er der tale om reelle hindringer, da nogle ruter alt andet lige tager længere tid
på en cykel.

Der skal arbejdes med vaner og adfærdsdesign, både blandt ledere og medarbejder, hvis flere
skal cykle mere. For at understøtte, at cyklen bliver et førstevalg, vil MSB igangsætte
forsøgsordninger, særligt i afdelinger med meget kørsel på kortere ture, hvor der kan
indsamles erfaringer med cykeltransport.

Af indsatser kan nævnes forsøgsprojekter med:
- Elcykler eller elscootere, der kan køre helt op til 45 km/t for at nedbringe transporttid
- Ladcykler som transportmiddel for borgere eksempelvis som erstatning for minibusser
- Indkøb af udstyr såsom cykler, cykeltasker, (oppustelige) cykelhjelme, regntøj.
- Gode faciliteter til opbevaring af cykler i aflukkede cykelskure og rum til omklædning og
  opbevaring af cykeltøj
- Kampagner, der reklamerer for cykeltransport og arbejder med adfærdsdesign ift. transport
  (f.eks. nemmere booking, nøglefri løsninger, konkurrencer)

Midlerne anvendes til indkøb af cykler og udstyr samt til en grøn forandringsagent i 2 år,
hvor opgaven vil være at udvikle projekter og kampagner, der skal få flere over på cyklen
ude i driftsområderne.
""",
        Heading("1.2.3 Regler og rammer for kørselsgodtgørelse der faciliterer mindre udledning",
                level=3),
        """
Der er behov for at genbesøge de nuværende regler i MSB for, hvornår der udbetales
kørselsgodtgørelse på høj og lav takst og se på, om der er mulighed for at indrette dem på en
måde, så de ikke skaber et uheldigt incitament til at køre i bil. De nuværende regler kan
skabe et incitament for medarbejdere til at køre fremfor at tage cyklen. Det skal derfor
belyses, om medarbejdere der kører hyppigt og langt har krav på udbetaling af høj
kørselsgodtgørelse.
""",
        Heading("2. Klimainitiativer med samfundseffekter uden for kommunens klimaregnskab",
                level=3),
        Heading("2.1 Forbrugsbaserede udledninger: fødevarer og andre indkøb", level=3),
        """
Når MSB køber varer som computere, kaffe eller oksekød tæller produkternes CO2-udledning
jævnfør internationale regnskabsstandarder ikke direkte med i kommunens klimaregnskab. I
stedet ligger udledningen i kommunerne eller landene, hvor varerne er produceret. Ikke desto
mindre tæller disse forbrugsbaserede udledninger selvfølgelig med i det globale
CO2-regnskab.

Der er i Aarhus Kommune allerede igangsat en række initiativer, der skal tage livtag med
kommunens forbrugsbaserede udledning. I efteråret 2022 blev der indført en intern
klimaafgift på produkter som benzin, flyrejser, oksekød osv. Forbruget af de afgiftspålagte
varekategorier er efterfølgende reduceret – også i MSB. En klimaafgift kan dog ikke stå
alene – der er også behov for, at medarbejdere, som køber varer og laver mad, har den
nødvendige viden til at foretage grønnere valg. Derfor skal der være fokus på at øge den
enkelte arbejdsplads og medarbejders grønne viden.
""",
        Heading("2.1.1 Det Grønne Rejsehold", level=3),
        """
Aarhus Byråd har vedtaget at etablere et Grønt Rejsehold, som vil bestå af 1-2 konsulenter,
der skal besøge decentrale institutioner såsom skoler, botilbud og plejehjem. Det grønne
rejsehold skal give råd og vejledning i, hvordan kommunens arbejdspladser kan gøres mere
bæredygtige ift. indkøb, affaldssortering, madlavning og transport. Baggrunden er, at mange
ledere og medarbejdere – også i MSB – efterspørger konkrete værktøjer til, hvordan de kan
bidrage til den grønne omstilling.

For at få forankret og udbredt Rejseholdets arbejde afsætter MSB ressourcer til en grøn
forandringsagent i MSB, der kan understøtte de lokale klimakontaktpersoner og sikre, at
MSB’s faglige viden og netværk inddrages samt bidrage til udbredelse af erfaringerne fra det
grønne rejsehold i MSB.
""",
        Heading("2.1.2 Grønnere og sundere måltider", level=3),
        """
MSB bespiser mange mennesker – både borgere og medarbejdere – i løbet af en dag.
Madlavningen dækker over alt fra borgere, der selv laver mad til mellemstore køkkener på
institutioner med køkkenpersonale. Der er på tværs af MSB mange køkkener, uanset størrelse,
allerede fokus på kostens klimabelastning og økologi. Eksempelvis har det været muligt for
køkkenpersonale at komme på kursus i bæredygtig madlavning. I mange køkkener arbejder man
desuden med kødfrie dage/retter, ligesom der tænkes over madspild. Desuden arbejdes der
fælleskommunalt i forhold til vegetarisk mødeforplejning.

Ét godt eksempel på at tænke grønt og bæredygtigt i dagligdagen er at man hos nogle af MSB’s
tilbud har etableret små køkkenhaver, der giver øget selvforsyning og øger borgernes
bevidsthed om bæredygtig kost. Derigennem bidrager man til målet om at øge klimabevidstheden
blandt borgerne i Aarhus Kommune.

Madmedarbejdere i MSB skal i de kommende år i endnu højere grad tænke madvarers
CO2-belastning ind i hverdagen. Omlægningen skal ske og sker allerede på flere niveauer.
Dels betyder klimaafgiften en adfærdsændring, når der købes ind og dels fokuseres der på
kompetenceudvikling, inspirationsarrangementer og opbygning af netværk til udveksling af
erfaringer på tværs af kommunen. Den grønne forandringsagent skal have et særligt fokus på
at sætte grønne fødevarer endnu mere på dagsordenen i MSB’s mange køkkener og guide
medarbejdere og ledere i mulighederne for kurser.
""",
        Heading("2.2 Grøn beskæftigelse og grønne sociale fællesskaber", level=3),
        """
I MSB arbejdes der med klima og bæredygtighed som en integreret del af en række forskellige
sociale- og beskæftigelsesrettede indsatser. Indsatserne spænder fra opkvalificering af
højtuddannede akademikere i grønne kompetencer til integrering af klima i sociale indsatser
med fokus på madlavning, reparation og upcycling. Indsatserne er eksempler på, hvordan den
grønne omstilling går hånd i hånd med MSB’s kerneopgave ved at understøtte faglige mål om
øget selvmestring, trivsel og tilknytning til arbejdsfællesskaber.
""",
        Heading("2.2.1 Fremtidens grønne arbejdsmarked", level=3),
        """
Det Grønne Akademi bidrager til den grønne omstilling ved at uddanne grønne
forandringsagenter, der kan støtte lokale virksomheder i deres arbejde med klima. Akademiet
tilbyder et 9-ugers caseforløb, der opkvalificerer højtuddannede ledige og matcher dem med
virksomheder. Deltagerne udvikler en bred vifte af kompetencer inden for bæredygtighed,
herunder CO2-beregning, cirkulær økonomi og bæredygtig forretningsudvikling. Siden 2020 har
akademiet gennemført 6 forløb, uddannet 175 forandringsagenter og hjulpet 52 virksomheder og
14 kommunale arbejdspladser med deres grønne omstilling.

Derudover arbejder MSB løbende på at matche ledige, både dem tæt på og langt fra
arbejdsmarkedet, med grønne virksomheder. Et godt eksempel er genvindingsvirksomheden Stena
Recycling, hvor et hold kandidater med tilknytning til Jobcenter Aarhus er blevet
introduceret til virksomheden, som løbende har brug for medarbejdere til sortering.
""",
        Heading("2.2.2 Fællesskaber om renovation", level=3),
        """
Snåstrup Vestergård tilbyder aktiviteter og værkstedsmuligheder til voksne med
udviklingshæmning og diagnoser. Borgerne deltager i praktiske opgaver som at hugge brande,
køkkenopgaver og drift af eget loppemarked. Beboerne på Snåstrup Vestergård har et
renovationshold, der ofte går en rute i lokalområdet og samarbejder med beboere i Harlev by
om at få indsamlet affald. Det har skabt et godt fællesskab mellem lokalsamfundet og
beboerne.
""",
        Heading("2.2.3 Grønt værksted for udsatte", level=3),
        """
Værkstedet Rørdrumvej tilbyder meningsfuldt og praktisk arbejde til voksne med psykiske
udfordringer. Der tilbydes forskellige værksteder som auto-, cykel-, og træværksted, hvor
borgerne kan reparere og arbejde. Derudover hjælper borgerne kokken med et dagligt
frokostmåltid med fokus på bæredygtighed, herunder kødfrie dage. Et nyt projekt er
værkstedets upcyclingsværksted, hvor aflagt stof og møbler gives nyt liv og sælger dem
videre.
""",
        Heading("2.2.4 Den Grønne STU", level=3),
        """
Den Grønne STU er en treårig ungdomsuddannelse til unge, der ikke har mulighed for at
gennemføre en ordinær ungdomsuddannelse, fordi de har autismespektrumforstyrrelser eller
ADHD. På uddannelsen er der bl.a. gartneri- og køkkenværksteder, hvor der undervises i at
dyrke og håndtere grøntsager, og i bæredygtighed, økologi og klima.
""",
        Heading("2.2.5 Familiestøtten", level=3),
        """
MSB har indgået et samarbejde med Familiestøtten, som kobler familier sammen, så dem der har
tøj i overskud, kan donere til dem, der ikke har så meget. I projektet forbindes almindelige
familier med udsatte og sårbare familier, som løbende arver tøj og legetøj, som
donationsfamilien er færdig med at bruge. Det er en måde at genbruge på, hvor der skabes
relationer mellem familier samtidig med, at udledningen af CO2 nedbringes.
""",
        Heading("3. Projektudvikling, understøttelse og opfølgning på klimainitiativer",
                level=3),
        """
Klimaplanen vil indebære en række opgaver med udvikle, administrere og følge og på
projekterne i planen – særligt i forhold til:

1. Tilskudsordningen til udfasningen af køretøjer. Ordningen vil kræve administration at
udbetalinger og opfølgning på, om biler udfases.

2. Udbetaling af cykelgodtgørelse. Initiativet skal dels udvikles og administreres i praksis
ift. indberetning og udbetaling. Samtidig skal evt. juridiske og overenskomstmæssige
begrænsninger afklares inden igangsættelse.

3. Analyser af kørselsdata. Opgaverne vil bestå i at lave både større og ad-hoc analyser af
kørseldata samt levere sparring og forslag til flådeoptimering til driftsenheder.

4. Vurdering af muligheder for at ændre kriterier for udbetaling af kørselsgodtgørelse

Dertil kommer opgaver i form af løbende koordination, opfølgning, afrapportering til byrådet
på klimaplanen. For at udnytte og styrke den viden, der er opbygget på klimaområdet i MSB,
forankres arbejdet med at omsætte klimaplanen i forlængelse af det nuværende klimaarbejde i
MSB I Mål, Økonomi og Boliger.
""",
        Heading("Magistratsafdelingens CO2 udledning i 2022 (afventer endeligt data fra "
                "klimasekretariatet)"),
        """
Skemaerne udfyldes på forhånd fra Klimasekretaritet (scope 1-2) og Indkøb og Udbud (scope
3).

Hele CO2 udledningen beskrives, selvom det ikke er alle faktorer, afdelingen selv kan
påvirke.

Kategorierne i skemaerne er eksempler og skal tilpasses.
""",
        Table(head=("Scope 1-2 CO2 udledning", ""),
              rows=(("Transport", ""), ("Varme", ""), ("El", ""), ("Ialt", ""))),
        Table(head=("Scope 3 CO2 udledning", ""),
              rows=(("Fødevarer", ""), ("Elektronik", ""), ("Møbler", ""),
                    ("Sygeplejeartikler", ""), ("Ialt", ""))),
        Heading("Mål for CO2 reduktioner"),
        """
Målene kan være direkte og indirekte og vedrører scope 1, 2 og 3. Klimasekretariatet hjælper
gerne med beregninger.
""",
        Heading("Organisering"),
        Facts(rows=(
            ("Ledelsesansvar:", "Jacob Beuschau Hansen"),
            ("Klimakoordinator:", "Thomas Artmann Kristensen"),
        )),
        Heading("Opfølgning"),
        """
Magistratsafdelingen udarbejder en afrapportering med status, læring og resultater en gang
årligt i forbindelse med den samlede afrapportering af kommunens klimamål og -indsats.
Klimasekretariatet udsender en skabelon til formålet.
""",
    ),
)
