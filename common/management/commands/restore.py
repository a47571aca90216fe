from django.core.management.base import BaseCommand, CommandError

from common.backup import BackupError, describe, restore


class Command(BaseCommand):
    # The checks would open the database before the command can say clearly why it cannot.
    requires_system_checks = []
    help = ("Gendanner et arkiv fra `backup` i en TOM database og en TOM mediemappe (DATABASE_URL "
            "og MEDIA_ROOT). Arkivet kontrolleres mod sit manifest, før noget ændres. "
            "Se docs/backup.md.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="arkivet, der skal gendannes")

    def handle(self, *args, file, **options):
        try:
            summary = restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in summary.missing_media:
            self.stderr.write(self.style.WARNING(
                f"Advarsel: {name} manglede allerede, da backuppen blev taget."))
        self.stdout.write(self.style.SUCCESS(f"Gendannet fra {file}: {describe(summary)}. "
                                             "Kør `manage.py migrate`, hvis denne udgave af "
                                             "Referat er nyere end backuppen."))
