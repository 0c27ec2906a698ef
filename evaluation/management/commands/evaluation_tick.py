"""manage.py evaluation_tick: refresh the dashboard figures and send event surveys (run hourly);
with --digest also the editors' weekly email (run weekly)."""

from django.core.management.base import BaseCommand

from evaluation import digest
from evaluation.tasks import tick


class Command(BaseCommand):
    help = "Refresh the public dashboard's figures and send surveys after sessions; --digest sends the weekly page feedback."

    def add_arguments(self, parser):
        parser.add_argument(
            "--digest", action="store_true", help="also send the weekly digest to page owners"
        )

    def handle(self, *args, **options):
        result = tick()
        if options["digest"]:
            result["digests_sent"] = digest.send_digests()
        if options["verbosity"] > 0:
            self.stdout.write(", ".join(f"{key.replace('_', ' ')}: {value}" for key, value in result.items()))
