"""Remove IP addresses of forum posts older than the retention period (run daily)."""

from django.core.management.base import BaseCommand

from forums import retention


class Command(BaseCommand):
    help = "Delete the IP addresses stored with forum posts older than FORUMS['IP_RETENTION_DAYS']."

    def handle(self, *args, **options):
        count = retention.forget_addresses()
        self.stdout.write(f"Addresses removed from {count} post(s).")
