"""Email moderators what waits in the forum queue (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from forums import summary


class Command(BaseCommand):
    help = "Email the forum moderators a summary of the posts waiting for review."

    def handle(self, *args, **options):
        sent = summary.send_summary()
        self.stdout.write(f"{sent} summary email(s) queued.")
