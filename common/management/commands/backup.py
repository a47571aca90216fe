from django.core.management.base import BaseCommand, CommandError

from common.backup import BackupError, backup, describe


class Command(BaseCommand):
    # The checks would open the database before the command can say clearly why it cannot.
    requires_system_checks = []
    help = ("Skriver databasen (pg_dump i custom-format, eller en kopi af SQLite-filen) og alle "
            "mediefiler (bilag, dannede PDF'er) til ét tar-arkiv med et manifest. "
            "Se docs/backup.md.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="arkivet, der skal skrives, f.eks. referat-2025-01-31.tar "
                            "(.tar.gz komprimerer); en eksisterende fil overskrives aldrig")

    def handle(self, *args, file, **options):
        try:
            summary = backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in summary.missing_media:
            self.stderr.write(self.style.WARNING(
                f"Advarsel: {name} nævnes i databasen, men findes ikke i mediemappen."))
        self.stdout.write(self.style.SUCCESS(f"Backup skrevet til {file}: {describe(summary)}."))
