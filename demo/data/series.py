"""The two meeting series of the seeds, their memo templates, standard items and demo users."""

import datetime as dt

# Demo users. Names the seeds do not give are made up (the seeds only say "Mads tager referat");
# the addresses are under the reserved .example domain, so no mail can reach anyone.
USERS = {
    "sekretaer": {"first_name": "Mads", "last_name": "Sekretær", "is_staff": True,
                  "email": "sekretaer@referat.example"},
    "medlem": {"first_name": "Mette", "last_name": "Medlem", "is_staff": False,
               "email": "medlem@referat.example"},
    "udvalg": {"first_name": "Ulrik", "last_name": "Udvalg", "is_staff": False,
               "email": "udvalg@referat.example"},
}
SECRETARIAT_GROUP = "Sekretariat"
# The secretariat edits these apps' models in the admin, the fallback editor.
SECRETARIAT_APPS = ("meetings", "agendas", "decisions")

# Memo templates: (title, kind) in order; kinds as meetings.MemoTemplate.SectionKind.
MEMO_TEMPLATES = {
    "A": {
        "name": "A: Afdelingens indstilling (INDSTILLING, SAGSFREMSTILLING …)",
        "sections": (
            ("INDSTILLING", "recommendation"),
            ("SAGSFREMSTILLING", "text"),
            ("HANDLEMULIGHEDER/LØSNINGER", "text"),
            ("ØKONOMI", "text"),
            ("KOMMUNIKATION", "text"),
            ("VIDERE PROCES", "text"),
            ("KOORDINERET MED", "text"),
            ("BILAG", "attachments"),
        ),
    },
    "B": {
        "name": "B: Nummererede afsnit (1. Resume, 2. Beslutningspunkter …)",
        "sections": (
            ("1. Resume", "text"),
            ("2. Beslutningspunkter", "recommendation"),
            ("3. Hvorfor fremsendes indstillingen?", "text"),
            ("4. Hvilken værdi skabes for borgere og samfund?", "text"),
            ("5. Hvad igangsættes?", "text"),
            ("6. Hvem gør det og hvordan?", "text"),
            ("7. Hvilke ressourcer kræves?", "text"),
            ("8. Hvad er den videre proces og hvordan følges op?", "text"),
            ("Bilag", "attachments"),
            ("Tidligere beslutninger", "text"),
        ),
    },
}

RAADMAND = "raadmand"
UDVALG = "udvalg"

SERIES = {
    RAADMAND: {
        "name": "Rådmandsmøder 2022-2025",
        "fields": {
            "period": "2022-2025",
            "kind": "raadmandsmoede",
            "layout": "agenda",
            # The 6 March 2023 pack (004) is the agenda with the decisions under each item.
            "minutes_form": "with_agenda",
            "default_location": "Rådmandens kontor, vær. 436",
            "default_start_time": dt.time(11, 0),
            "default_end_time": dt.time(13, 0),
            "addressee": "Til Rådmandsmødet",
        },
        "memo_template": "A",
        # (title, minutes, placement)
        "standard_items": (
            ("Dagsorden", None, "opening"),
            ("Referat", None, "opening"),
            ("Orientering fra Magistraten", 5, "closing"),
            ("Orientering om udvalgsmødet", 5, "closing"),
            ("Bordrunde", 5, "closing"),
        ),
        "secretariat": ("sekretaer",),
        "members": ("medlem",),
    },
    UDVALG: {
        "name": "Social- og Beskæftigelsesudvalget",
        "fields": {
            "kind": "udvalgsmoede",
            "layout": "committee",
            "sender_block": (
                "SOCIALE FORHOLD OG BESKÆFTIGELSE\n"
                "Fagligt Sekretariat\n"
                "Aarhus Kommune\n"
                "\n"
                "FAS Ledelse og Sundhed\n"
                "Jægergården,\n"
                "Værkmestergade 15 B\n"
                "8000 Aarhus C\n"
                "\n"
                "Telefon: 89 40 20 00"
            ),
        },
        "memo_template": None,
        "standard_items": (),
        "secretariat": ("sekretaer",),
        "members": ("udvalg",),
    },
}
