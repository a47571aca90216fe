"""Bilag 1 of "Klimaplan i MSB": the distribution of the 8 million (seed 000, lines 163–268).
For internal use in MSB only, so it is attached as a closed attachment."""

from demo.data.types import Appendix, Heading, Table

APPENDIX = Appendix(
    title="Bilag 1. Økonomisk fordeling i MSB klimaplan",
    blocks=(
        Table(
            head=("Indsats", "Beskrivelse", "Finansiering"),
            rows=(
                ("1. Udfasning af fossilbiler",
                 "Der er allerede etableret en udfasningsplan og fundet finansiering til "
                 "ladestandere. Ved at supplere tiltagene med et tilskud ved udfasning af "
                 "fossildrevne køretøjer på 30.000 og 60.000 for køretøjer på henholdsvis over "
                 "og under 3000 kg. forventes en hurtigere udfasning. Tilskuddet øremærkes til "
                 "leasing/køb af elkøretøjer/cykler eller andre grønne initiativer.",
                 "4,36 mio. kr."),
                ("2. Cykelgodtgørelse",
                 "Tilskud til medarbejdere, der cykler i arbejdstiden. Enten i form af en "
                 "forhøjelse af det aktuelle (lave) beløb på 0,54 kr. km. for at cykle eller "
                 "som løntillæg.",
                 "1,0 mio. kr. (0,5 mio. kr. fra klimaplanen og 0,5 mio. kr. fra "
                 "driftsområderne besparelser på kørselsgodtgørelse)"),
                ("3. Forsøgsprojekter med øget cyklisme",
                 "Forsøgsordninger for at opbygge erfaringer med cyklisme i arbejdstiden: 1) "
                 "Tilskud til cykler/scootere, der kan køre op til 45 km/t 2) Brug af "
                 "ladcykler som erstatning for minibusser 3) Kampagner for cykeltransport og "
                 "nemmere booking, nøglefri løsninger, konkurrencer osv. 4) Indkøb af udstyr "
                 "som cykeltasker, (oppustelige) cykelhjelme og regntøj.",
                 "2,4 mio. kr. (heraf 2 mio. kr. til elcykler/udstyr samt 0,4 mio. kr. til "
                 "intern grøn forandringsagent*)."),
                ("4. Grønne indkøb og decentral understøttelse",
                 "Understøttelse af grøn omstilling i driftsområderne gennem en grøn "
                 "forandringsagent, som skal deltage i et nyt grønt rejsehold, der skal besøge "
                 "og hjælpe institutioner med at foretage grønne valg i hverdagen ift. kost, "
                 "affaldssortering og indkøb. Forandringsagenten skal særligt sikre fokus på "
                 "mulighederne for opkvalificering af køkkenmedarbejdere.",
                 "0,4 mio. kr. til intern grøn forandringsagent*, som suppleres med "
                 "fælleskommunale kurser og initiativer på indkøbs-/fødevareområdet"),
                ("5. Flådeoptimering, kørselsgodtgørelse og opfølgning",
                 "Udvikling og administration af tilskudsordninger til biler/cykler, og "
                 "kørselsanalyser (anvendelse af eksisterende GPS’er i køretøjer til "
                 "flådestyring).\n"
                 "Genbesøg af reglerne for kørselsgodtgørelse for at vurdere, om de kan "
                 "designes, så de tilskynder til mindre kørsel og mere cyklisme som f.eks. ved "
                 "at ophøre med at betale høj takst.\n"
                 "Opfølgning og afrapportering på klimaplan",
                 "Håndteres af midler til administrativ understøttelse på 0,34 mio. kr.* "
                 "Beløbet svarer til den gennemsnitlige administrationsandel i MSB på 4,3 %"),
                ("6. Grøn beskæftigelse og grønne sociale fællesskaber",
                 "Fortsætte med at tænke klima ind i kerneopgaven, som det sker gennem Det "
                 "Grønne Akademi, fællesskaber om renovation på Snåstrup Vestergaard, grønne "
                 "værksteder for udsatte osv.",
                 "Initiativer er i drift"),
                ("Total", "",
                 "8,0 mio. kr. (tillagt 0,5 mio. kr. fra mindreudgifter på driftsområdernes "
                 "kørselsgodtgørelse)"),
            ),
        ),
        Heading("*En grøn forandringsagent, der understøtter og følger op på klimaindsatsen",
                level=3),
        """
I alt oprettes en 2-årig projektansættelse, som i tillæg til de ressourcer, der i dag er
dedikeret til klimaarbejdet i MSB, skal varetage den grønne forandringsagents opgaver samt
sikre understøttelse og opfølgning på de grønne indsatser (indsats 3-5 i tabel 1). Den
grønne forandringsagent skal arbejde decentralt på tværs af MSB’s driftsområder og vejlede
botilbud, institutioner og afdelinger i alt fra affaldssortering til grøn madlavning og
transport.

Klimaarbejdet kræver teknisk specialviden og har en tværgående karakter, da omstilling
påvirker alle driftsområder i MSB særligt på transport og fødevareområdet. Derfor er
klimaarbejdet (bl.a. transportomstilling og affaldssortering) i dag forankret i Mål,
Økonomi og Boliger. For at sikre en samlet indsats med klar ledelsesforankring ansættes
medarbejderen i Mål, Økonomi og Boliger. Derigennem udnyttes afdelingens brede netværk i
Aarhus Kommunes klimaorganisation og den specialviden om bæredygtighed, som afdelingen har
tilegnet sig. Mål, Økonomi og Boliger vil være ansvarlig for implementering af klimaplanen i
tæt samarbejde med MSB’s klimagruppe, hvor driftsområderne er repræsenteret.
""",
    ),
)
