"""Bilag 1 of "Nye tiltag på integrationsområdet pba ny organisering": the status slides
(seed 000, lines 788–862). The slides' charts are not text; their captions, legends and
sources are."""

from demo.data.types import Appendix, Heading, Small

APPENDIX = Appendix(
    title="Status på integrationsområdet",
    blocks=(
        Heading("Demografi"),
        """
Flygtninge, familiesammenførte og deres børn i Aarhus Kommune fordelt på alder og herkomst
(august 2023)
""",
        Small("* MENAPT-lande er de (overvejende) muslimske lande i Mellemøsten og Nordafrika "
              "samt Pakistan og Tyrkiet"),
        """
• Ukrainere udgør 61% af gruppen
• MENAPT-lande udgør 19% af gruppen
""",
        Heading("Fordeling på forsørgelsesgrundlag (august 2023):"),
        Small("Hovedtotal / Selvforsørgende i INL-program / S&H-ydelsesmodtagere (jobparate) / "
              "S&H-ydelsesmodtagere (aktivitetsparate) / Ingen målgruppe"),
        """
Gruppen af 18+ årige (alle):
• 844 (56%) er selvforsørgende
• 654 (44%) er på S&H-ydelse
• Heraf 446 (68%) jobparat
• Heraf 208 (32%) aktivitetsparat
• I alt 1.498 omfattet af integrationsprogrammet
""",
        Small("Kilde: Data fra Schultz Fasit koblet med borgerdata"),
        Heading("Boligplaceringer – fordelt på postnumre"),
        """
Flygtninge, familiesammenførte og deres børn:
""",
        Small("Kilde: Data fra Schultz Fasit og borgerdata"),
        Heading("Ledige S&H-ydelsesmodtagere"),
        """
• Ukrainere udgør 85% af alle ledige S&H ydelsesmodtagere i Aarhus (d. 4/9-2023)
• Antallet af ledige S&H ydelsesmodtagere er faldet med 21% i 2023
• Faldet i antal ledige er sket blandt jobparate

Udvikling i Aarhus Kommune i 2023:
""",
        Small("Kilde: Schultz Fasit"),
        """
Ledige ukrainere* fordelt på visitationskategori: (sammenligning med andre 6-byer):
• Aarhus Kommune visiterer en større andel som jobparate end andre kommuner
""",
        Small("Kilde: Jobindsats.dk – data fra juli 2023"),
        Small("*Ukrainere med ophold efter særloven"),
        Heading("Udvikling i beskæftigelse for ukrainere*"),
        Small("*Ukrainere med ophold efter særloven"),
        Small("Kilde: Jobindsats.dk"),
        """
• I 2023 har Aarhus Kommune haft en bedre udvikling i beskæftigelsen for ukrainere end
  København og Aalborg Kommuner; og end landsgennemsnittet.
""",
    ),
)
