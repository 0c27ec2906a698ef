"""manage.py agenda_tick: expire seat offers and send reminders (run every few minutes)."""

from django.core.management.base import BaseCommand

from agenda.tasks import tick


class Command(BaseCommand):
    help = (
        "Expire seat offers that were not taken in time and send reminders for sessions in the next 24 hours."
    )

    def handle(self, *args, **options):
        result = tick()
        if options["verbosity"] > 0:
            self.stdout.write(
                f"{result['offers_expired']} offers expired, {result['reminders_sent']} reminders queued."
            )
