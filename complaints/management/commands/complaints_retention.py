"""manage.py complaints_retention: close expired resolutions and scrub old personal data (run daily)."""

from django.core.management.base import BaseCommand

from complaints import conf, retention


class Command(BaseCommand):
    help = (
        "Close resolved complaints whose time to reopen has passed, and remove personal data and "
        "attachments from complaints closed longer than COMPLAINTS_RETENTION_DAYS ago."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0

        def progress(done, total):
            if verbose:
                self.stdout.write(f"Scrubbing personal data: {done}/{total}")

        if verbose:
            self.stdout.write(f"Retention period: {conf.get('RETENTION_DAYS')} days after closing.")
        closed, scrubbed = retention.run(progress=progress)
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Closed {closed} resolved complaint(s); scrubbed {scrubbed} complaint(s)."
                )
            )
