"""Periodic work of the events app: expire seat offers, send reminders.

Run every 5 minutes by the scheduler (``agenda.offers_and_reminders``, registered in
wagtail_hooks.py; see docs/deployment.md). Each step is safe to run twice or in
parallel: offers are expired under the session lock, and a reminder is claimed with a
compare-and-set on ``reminder_sent_at`` in the transaction that queues its email, so a
run killed half-way and run again reminds nobody twice.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from agenda import conf, notifications
from agenda.models import Registration
from agenda.registration import expire_offers


def send_reminders(now=None):
    """Remind confirmed registrants of sessions starting within the next ``REMINDER_HOURS``."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status="confirmed",
        reminder_sent_at__isnull=True,
        session__status="scheduled",
        session__start__gt=now,
        session__start__lte=now + timedelta(hours=conf.get("REMINDER_HOURS")),
    ).select_related("session__page")
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if claimed:
                notifications.reminder(registration)
                sent += 1
    return sent


def tick(now=None):
    return {"offers_expired": expire_offers(now), "reminders_sent": send_reminders(now)}
