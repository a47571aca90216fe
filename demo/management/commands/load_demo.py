"""`python manage.py load_demo`: the meetings of the two 2023 MSB packs, typed from the seeds,
with three users to log in as. Safe to run again: nothing is duplicated."""

from django.conf import settings
from django.core.management.base import BaseCommand

from demo.accounts import ensure_users
from demo.data.meetings import MEETINGS
from demo.loader import PdfCache, build_meeting, ensure_memo_templates, ensure_series

LOGINS = (
    ("Sekretariat", "sekretaer",
     "alle møder i begge serier, også kladder; redigerer dem i mødeeditoren"),
    ("Medlem af Rådmandsmøder", "medlem",
     "Rådmandsmøderne fra udsendt dagsorden; beslutninger når referatet er godkendt"),
    ("Medlem af udvalget", "udvalg",
     "udvalgsmødet 20-09-2023 og de offentliggjorte rådmandsmøder"),
)


class Command(BaseCommand):
    help = "Indlæser demodata: møderne fra MSB's mødepakker 2023 og tre brugere."

    def handle(self, *args, **options):
        password = settings.DEMO_PASSWORD
        users = ensure_users(password=password)
        templates = ensure_memo_templates()
        series = ensure_series(users=users, templates=templates)
        pdfs = PdfCache()
        for spec in MEETINGS:
            meeting = build_meeting(spec, series=series[spec.series], users=users,
                                    templates=templates, pdfs=pdfs)
            label = f"{series[spec.series].name} {spec.date:%d-%m-%Y} {spec.start_time:%H:%M}"
            if meeting is None:
                self.stdout.write(f"Findes allerede, uændret: {label}")
            else:
                self.stdout.write(self.style.SUCCESS(
                    f"Oprettet: {label} ({meeting.get_status_display().lower()})"))
        self._print_logins(password)

    def _print_logins(self, password: str) -> None:
        header = ("Rolle", "Brugernavn", "Adgangskode", "Ser")
        rows = [header, *((role, username, password, sees) for role, username, sees in LOGINS)]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("\nLog ind på /log-ind/ som:")
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  " + "  ".join([*cells, row[3]]))
