"""Retention: anonymise registrations ``RETENTION_DAYS`` after their session ends.

The registration form promises it (the sentence is built from the same tunable).
Anonymising blanks the name, organisation, phone and accessibility needs, replaces
the email address with one that reaches nobody (``<id>@anonymised.invalid``: the
column is required and unique per session among active registrations) and replaces
the secret, so the registrant's links stop working. It keeps what the statistics
need: the session, kind, number of people, language, status and check-in, so the
dashboard's counts do not change.

Run daily by the scheduler (``agenda.retention``, registered in wagtail_hooks.py).
Each registration is claimed with ``anonymised_at`` in its UPDATE, so a run twice or
in parallel changes nothing more. Rows are updated ``BATCH`` at a time (100,000 old
registrations: see bench/events_bench.py), so a run never holds a long lock.
"""

from datetime import timedelta

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from agenda import conf
from agenda.models import Registration
from agenda.models.registrations import new_secret

BATCH = 2000  # rows per UPDATE: each is its own short transaction, so no lock is held long


def anonymise_due(now=None, batch=BATCH):
    """Anonymise the registrations of sessions that ended ``RETENTION_DAYS`` ago or more, in
    batches of ``batch`` rows; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=conf.get("RETENTION_DAYS"))
    due = Registration.objects.filter(session__end__lte=cutoff, anonymised_at__isnull=True)
    # One new secret for the run is enough to revoke every link: links are bound to the
    # secret each registration had.
    secret = new_secret()
    done = 0
    while keys := list(due.order_by("pk").values_list("pk", flat=True)[:batch]):
        done += Registration.objects.filter(pk__in=keys, anonymised_at__isnull=True).update(
            name="",
            organisation="",
            phone="",
            accessibility_needs="",
            email=Concat(Cast(F("pk"), output_field=CharField()), Value("@anonymised.invalid")),
            secret=secret,
            anonymised_at=now,
        )
    return done


def scheduled_run(now=None):
    """The periodic job: ``anonymise_due`` with its count named for the scheduler's record
    (``now`` for tests/complaints/test_retention_sweep.py, which runs every retention job later)."""
    return {"anonymised": anonymise_due(now)}
