"""Send a periodic notice (a digest, a summary) once per recipient and period.

A mail job claims each notice in the transaction that queues its email: both are
committed together or not at all, so a job killed half-way and run again (the
scheduler's retry, ``run_periodic --force``) skips those already sent and sends the
rest. Two runs at the same moment cannot both claim one: the unique constraint decides.
"""

from django.db import transaction
from django.utils import timezone

from core.models import SentNotice


def claim(key, recipient, period):
    """Record that ``key`` goes to ``recipient`` for ``period``; False when it already went.

    Call it inside the ``transaction.atomic()`` block that queues the email."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("claim a notice in the transaction that queues its email")
    _notice, created = SentNotice.objects.get_or_create(key=key, recipient=str(recipient), period=period)
    return created


def week(now=None):
    """The ISO week of ``now`` in the site's time zone, as "2026-W49"."""
    year, number, _day = timezone.localdate(now).isocalendar()
    return f"{year}-W{number:02d}"


def day(now=None):
    """The date of ``now`` in the site's time zone, as "2026-12-06"."""
    return timezone.localdate(now).isoformat()
