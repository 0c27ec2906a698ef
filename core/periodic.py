"""Periodic jobs of every app, run by one scheduler (``manage.py run_periodic``, core/scheduler.py).

django-tasks runs work when something asks for it; some work is due by the clock
(retrying emails and index updates, expiring seat offers, reminders, dashboard
figures, digests, retention). Each app declares its jobs and how often they run with
the ``register_periodic_jobs`` Wagtail hook in its ``wagtail_hooks.py``, returning a
list of ``PeriodicJob``; core knows no feature and only collects them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

HOOK = "register_periodic_jobs"

# How long a run holds its job: a second scheduler leaves the job alone meanwhile, and
# a run that crashed without saying so frees it when the lease ends.
DEFAULT_LEASE = timedelta(minutes=15)
# A failed job runs again after this (or at its next due time, if that comes first),
# not a week later: every job is safe to rerun, and mail jobs skip what they sent.
RETRY_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class PeriodicJob:
    key: str
    run: Callable  # run() -> a short summary (dict, number or str) for the log and the record
    every: timedelta
    lease: timedelta = DEFAULT_LEASE  # longer than the longest run the job may take

    @property
    def grace(self):
        """Due this much early, so cron's every-5-minutes finds a 5-minute job due although
        its last run started a second or two after the previous cron line."""
        return min(self.every / 10, timedelta(minutes=1))


class UnknownJob(LookupError):
    pass


@cache
def jobs():
    """The registered jobs, most frequent first (collected once per process)."""
    collected = {}
    for hook in hooks.get_hooks(HOOK):
        for job in hook():
            if job.key in collected:
                raise ImproperlyConfigured(f"periodic job {job.key!r} is registered twice")
            collected[job.key] = job
    return tuple(sorted(collected.values(), key=lambda job: (job.every, job.key)))


def get(key):
    for job in jobs():
        if job.key == key:
            return job
    raise UnknownJob(key)
