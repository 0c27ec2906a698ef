"""Runs a periodic job when it is due, once, however many schedulers run.

A job is due when it never ran, when its last run *started* at least ``every`` ago
(less a small grace, ``PeriodicJob.grace``), or when its last run failed at least
``RETRY_AFTER`` ago. A scheduler claims the job with one conditional UPDATE on its
``PeriodicRun`` row: "start now, if still due and nobody holds the lease". The row
count says who won, on SQLite and PostgreSQL alike, so two schedulers started together
(a loop and a cron line, two machines) never run the same job twice. The winner holds
the lease (``locked_until``) while it runs and records how the run ended; a run that
died without recording frees the job when its lease ends.
"""

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from core.models.periodic import FAILED, OK, RUNNING, PeriodicRun
from core.periodic import RETRY_AFTER

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    key: str
    ok: bool
    summary: str
    duration: timedelta


def free(now):
    return Q(locked_until__isnull=True) | Q(locked_until__lte=now)


def due(job, now):
    return (
        Q(last_run__isnull=True)
        | Q(last_run__lte=now - job.every + job.grace)
        | Q(outcome=FAILED, finished__lte=now - RETRY_AFTER)
    )


def is_due(job, run, now):
    """The same rule as ``due``, for a row already read (``run`` may be None: never ran)."""
    if run is None or run.last_run is None:
        return True
    if run.last_run <= now - job.every + job.grace:
        return True
    return run.outcome == FAILED and run.finished is not None and run.finished <= now - RETRY_AFTER


def is_held(run, now):
    return run is not None and run.locked_until is not None and run.locked_until > now


def next_due(job, run):
    """When the job is due next (None: now)."""
    if run is None or run.last_run is None:
        return None
    moments = [run.last_run + job.every - job.grace]
    if run.outcome == FAILED and run.finished is not None:
        moments.append(run.finished + RETRY_AFTER)
    if run.locked_until is not None:
        return max(min(moments), run.locked_until)
    return min(moments)


def claim(job, now, force=False):
    """Take the job for a run starting ``now``; False when it is not due (unless forced)
    or another run holds it."""
    PeriodicRun.objects.get_or_create(key=job.key)
    condition = free(now) if force else free(now) & due(job, now)
    return bool(
        PeriodicRun.objects.filter(condition, key=job.key).update(
            last_run=now, locked_until=now + job.lease, outcome=RUNNING, summary=""
        )
    )


def describe(result):
    if isinstance(result, dict):
        return ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in result.items())
    return str(result)


def run(job, force=False):
    """Claim and run the job; its Outcome, or None when it was not ours to run."""
    started = timezone.now()
    if not claim(job, started, force):
        return None
    clock = time.monotonic()
    try:
        result = job.run()
    except Exception as error:  # one failing job must not stop the others; it is retried
        logger.exception("periodic job %s failed", job.key)
        # The type only: an error's text can carry an address, the log has the rest.
        return finish(job, started, clock, FAILED, type(error).__name__)
    except BaseException as error:  # interrupted (Ctrl-C, exit): free the job for a retry
        finish(job, started, clock, FAILED, f"interrupted ({type(error).__name__})")
        raise
    return finish(job, started, clock, OK, describe(result))


def finish(job, started, clock, outcome, summary):
    duration = timedelta(seconds=time.monotonic() - clock)
    summary = summary[:200]
    # Only while the run is still ours: past its lease another scheduler may have taken it.
    PeriodicRun.objects.filter(key=job.key, last_run=started).update(
        finished=timezone.now(), duration=duration, outcome=outcome, summary=summary, locked_until=None
    )
    return Outcome(job.key, outcome == OK, summary, duration)
