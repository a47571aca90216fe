"""Render a meeting's agenda, minutes or pack to a file, for batch and archive work."""

import datetime as dt
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from documents import services
from documents.pdf import render, store
from meetings.models import Meeting
from reading.content import minutes_available

DOCUMENTS = ("agenda", "minutes", "pack", "memo")
FORMS = {"short": "short", "with_agenda": "with_agenda"}
VARIANTS = {"pdf/ua-1": render.TAGGED, "pdf/a-3b": render.ARCHIVE}


class Command(BaseCommand):
    help = ("Skriv et mødes dagsorden, referat eller samlede dokument som PDF. MEETING er "
            "mødets id eller en dato (ÅÅÅÅ-MM-DD), når præcis ét møde ligger på datoen.")

    def add_arguments(self, parser):
        parser.add_argument("meeting", metavar="MEETING", help="id eller dato (ÅÅÅÅ-MM-DD)")
        parser.add_argument("--document", choices=DOCUMENTS, required=True)
        parser.add_argument("--public", action="store_true",
                            help="den offentlige udgave (uden lukkede punkter og bilag)")
        parser.add_argument("--variant", choices=sorted(VARIANTS), default="pdf/ua-1",
                            help="pdf/ua-1 (mærket til skærmlæsere) eller pdf/a-3b (arkiv)")
        parser.add_argument("--output", required=True, help="filen, der skrives")
        parser.add_argument("--form", choices=sorted(FORMS),
                            help="referatets form (standard: seriens)")
        parser.add_argument("--item", type=int,
                            help="punktets nummer, når --document er memo (indstillingen)")

    def handle(self, *args, meeting, document, public, variant, output, form=None, item=None,
               **options):
        found = resolve_meeting(meeting)
        if public and not found.is_public:
            raise CommandError(f"Mødet {found} er ikke offentliggjort og har ingen offentlig "
                               "udgave.")
        # The archive's view of the meeting: everything, closed items included.
        reader = get_user_model()(username="render_pdf", is_superuser=True)
        variant = VARIANTS[variant]
        if document == "agenda":
            result = services.agenda_pdf(meeting=found, user=reader, public=public,
                                         variant=variant)
        elif document == "minutes":
            if not minutes_available(found, reader, public=public):
                raise CommandError(f"Mødet {found} har intet godkendt referat endnu.")
            result = services.minutes_pdf(meeting=found, user=reader, public=public,
                                          form=form, variant=variant)
        elif document == "memo":
            agenda_item = found.items.filter(number=item).first() if item else None
            if agenda_item is None:
                raise CommandError(f"Angiv --item med nummeret på et punkt i {found}.")
            result = services.memo_pdf(item=agenda_item, user=reader, public=public,
                                       variant=variant)
            if result is None:
                raise CommandError(f"Punkt {item} har ingen indstilling, der kan vises.")
        else:
            plan = services.pack_plan(meeting=found, user=reader, public=public,
                                      variant=variant)
            result = services.pack_pdf(plan)
        path = Path(output)
        try:
            path.write_bytes(store.read(result))
        except OSError as exc:
            raise CommandError(f"Kunne ikke skrive {path}: {exc.strerror}") from exc
        self.stdout.write(f"{path}: {result.page_count} sider ({found})")


def resolve_meeting(value: str) -> Meeting:
    meetings = Meeting.objects.select_related("series")
    if value.isdigit():
        found = meetings.filter(pk=int(value)).first()
        if found is None:
            raise CommandError(f"Intet møde med id {value}.")
        return found
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise CommandError(f"«{value}» er hverken et mødes id eller en dato (ÅÅÅÅ-MM-DD).")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"«{value}» er ikke en gyldig dato.") from exc
    found = list(meetings.filter(date=date).order_by("start_time", "pk"))
    if not found:
        raise CommandError(f"Intet møde den {date:%d-%m-%Y}.")
    if len(found) > 1:
        choices = ", ".join(f"{m.pk} ({m.series.name} kl. {m.start_time:%H.%M})" for m in found)
        raise CommandError(f"{len(found)} møder den {date:%d-%m-%Y}; angiv et id: {choices}.")
    return found[0]
