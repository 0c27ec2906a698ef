"""manage.py load_demo: create the sample site (idempotent; safe to run again)."""

from django.core.management.base import BaseCommand

from cms.demo.extensions import demo_extensions
from cms.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Create sample topics, guides, pages, events and complaints. Existing content is kept."

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        progress = self.stdout.write if verbose else None
        report = DemoLoader(progress=progress).load()
        created = len(report.created)
        for extension in demo_extensions():
            if progress:
                progress(f"Demo content: {extension.key}")
            created += extension.load(progress)
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content: {created} items created, {len(report.kept)} pages already there."
                )
            )
