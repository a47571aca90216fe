"""Remove stored Bilag files that no Bilag or conversion uses any more (see
agendas/attachments/storage.py: removing a Bilag never deletes a file another one shares)."""

from django.core.management.base import BaseCommand

from agendas.attachments.storage import PRUNE_GRACE, prune_unused_files


class Command(BaseCommand):
    help = ("Fjern gemte bilagsfiler, som intet bilag bruger længere (filer yngre end "
            f"{PRUNE_GRACE} bliver liggende).")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="vis filerne uden at fjerne dem")

    def handle(self, *args, dry_run=False, **options):
        removed = prune_unused_files(dry_run=dry_run)
        for name in removed:
            self.stdout.write(name)
        verb = "ville blive fjernet" if dry_run else "fjernet"
        self.stdout.write(f"{len(removed)} ubrugte bilagsfiler {verb}.")
