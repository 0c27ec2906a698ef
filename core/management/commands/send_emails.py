"""manage.py send_emails: send queued emails now (and retry failed ones). Run periodically in production."""

from django.core.management.base import BaseCommand

from core.emails import send_pending


class Command(BaseCommand):
    help = "Send queued emails, retrying those that failed before."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"{sent} sent, {failed} failed (kept for retry).")
