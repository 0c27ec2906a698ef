"""The platform's retention policies: the outbox and expired sessions (docs/complaints.md,
"What is kept").

A sent email's body can hold what its record held (a complaint's tracking code, a name),
so the outbox is not an archive: sent or abandoned messages are deleted after
``OUTBOX_RETENTION_DAYS``, and a feature deletes its record's messages at once when it
erases the record (``forget_subject``). Expired sessions are deleted daily: Django's
database sessions stay in the table after they expire, with whatever they held (a
tracking code shown after filing). Records of sent digests (SentNotice) are deleted
once their period is long past. All are periodic jobs of core (wagtail_hooks.py).
"""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone

from core import conf
from core.models import OutgoingEmail, SentNotice

# A record of a sent digest only matters while its period can be run again (a week).
NOTICE_DAYS = 35


def forget_subject(subject_key, to=""):
    """Delete every message about ``subject_key``, and (for messages written before
    they carried one) those to ``to`` without a subject key; returns how many."""
    about = Q(subject_key=subject_key)
    if to:
        about |= Q(subject_key="", to__iexact=to)
    return OutgoingEmail.objects.filter(about).delete()[0]


def forget_old_emails(now=None):
    """Delete messages sent, or given up, before the retention period; returns how many.
    Messages still being retried stay (they are at most a few hours old)."""
    cutoff = (now or timezone.now()) - timedelta(days=conf.get("OUTBOX_RETENTION_DAYS"))
    done = Q(sent_at__isnull=False) | Q(attempts__gte=conf.get("EMAIL_MAX_ATTEMPTS"))
    return OutgoingEmail.objects.filter(done, created__lt=cutoff).delete()[0]


def forget_expired_sessions(now=None):
    """Delete sessions past their expiry date (what ``clearsessions`` does); returns how many."""
    return Session.objects.filter(expire_date__lt=now or timezone.now()).delete()[0]


def forget_old_notices(now=None):
    """Delete records of digests and summaries sent over ``NOTICE_DAYS`` ago; returns how
    many. They exist so that a job run again in the same period sends nobody a second copy;
    past the period they hold only who got what, which nobody needs."""
    cutoff = (now or timezone.now()) - timedelta(days=NOTICE_DAYS)
    return SentNotice.objects.filter(sent_at__lt=cutoff).delete()[0]
