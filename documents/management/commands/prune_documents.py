import datetime as dt

from django.core.management.base import BaseCommand

from documents.prune import GRACE, prune_documents
from documents.tasks import schedule_pruning


class Command(BaseCommand):
    help = ("Remove stored PDF documents that a newer version of their meeting has superseded, "
            "and finished pack jobs; what is current stays.")

    def add_arguments(self, parser):
        parser.add_argument("--grace-minutes", type=int, default=int(GRACE.total_seconds() // 60),
                            help="keep what was superseded less than this long ago "
                                 "(default: %(default)s)")
        parser.add_argument("--schedule", action="store_true",
                            help="also make sure the worker (db_worker) prunes periodically")

    def handle(self, *args, grace_minutes, schedule, **options):
        pruned = prune_documents(grace=dt.timedelta(minutes=grace_minutes))
        self.stdout.write(f"Removed {pruned.documents} stored documents "
                          f"({pruned.bytes / 1024 / 1024:.1f} MB), {pruned.index_rows} index rows "
                          f"and {pruned.jobs} finished pack jobs.")
        if schedule:
            if schedule_pruning():
                self.stdout.write("The worker will prune again periodically.")
            else:
                self.stdout.write("The worker already has a pruning waiting (or its task "
                                  "backend cannot defer tasks).")
