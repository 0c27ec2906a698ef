"""Periodic work of the events app: expire seat offers, close waitlists, send reminders.

Run every 5 minutes by the scheduler (``agenda.offers_and_reminders``, registered in
wagtail_hooks.py; see docs/deployment.md). Each step is safe to run twice or in
parallel: offers are expired under the session lock, and a reminder is claimed with a
compare-and-set on ``reminder_sent_at`` (the value read) in the transaction that queues its email, so a
run killed half-way and run again reminds nobody twice.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from agenda import conf, notifications
from agenda.models import Registration
from agenda.registration import close_waitlists, expire_offers


def send_reminders(now=None):
    """Remind confirmed registrants of sessions starting within the next ``REMINDER_HOURS``.

    A reminder sent before the current window opened was for an earlier start: a session
    moved later reminds again, one moved earlier does not (its registrants were told of
    the change)."""
    now = now or timezone.now()
    window = timedelta(hours=conf.get("REMINDER_HOURS"))
    due = (
        Registration.objects.filter(
            status="confirmed",
            session__status="scheduled",
            session__start__gt=now,
            session__start__lte=now + window,
        )
        .filter(Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lt=F("session__start") - window))
        .select_related("session__page")
    )
    sent = 0
    for registration in due:
        with transaction.atomic():
            unchanged = (
                Q(reminder_sent_at__isnull=True)
                if registration.reminder_sent_at is None
                else Q(reminder_sent_at=registration.reminder_sent_at)
            )
            claimed = Registration.objects.filter(unchanged, pk=registration.pk).update(reminder_sent_at=now)
            if claimed:
                notifications.reminder(registration)
                sent += 1
    return sent


def tick(now=None):
    # Offers expire first, so seats they held are offered (or not, past the cut-off)
    # before the waitlists whose offers have stopped are told.
    return {
        "offers_expired": expire_offers(now),
        "waitlists_told": close_waitlists(now),
        "reminders_sent": send_reminders(now),
    }
