"""manage.py load_demo: create the sample site (idempotent; safe to run again)."""

from django.core.management.base import BaseCommand

from cms.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Create sample topics, guides and pages in four languages. Existing pages are kept."

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        loader = DemoLoader(progress=self.stdout.write if verbose else None)
        report = loader.load()
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content: {len(report.created)} items created, {len(report.kept)} already there."
                )
            )
