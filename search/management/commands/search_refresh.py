from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = ("Skriv søgeindgangene for de møder, hvis indhold er ændret siden sidst (søgningen "
            "gør det selv før hvert svar; kommandoen gør det på forhånd, f.eks. efter en "
            "indlæsning af mange møder).")

    def handle(self, *args, **options):
        index.refresh(log=self.stdout.write)
