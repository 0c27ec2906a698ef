"""Periodic jobs of every app, run by one scheduler process (``manage.py run_periodic``).

django-tasks runs work when something asks for it; some work is due by the clock
(retrying emails and index updates, expiring seat offers, reminders, dashboard
figures, retention). Each app registers its jobs from AppConfig.ready(); the
scheduler runs each when due. Every job must be safe to run twice or in parallel,
so a second scheduler, a cron line or a manual run never does harm.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class PeriodicJob:
    key: str
    run: Callable  # run() -> a short summary (dict or str) for the log
    every: timedelta


_registry: dict[str, PeriodicJob] = {}


def register_job(job):
    _registry[job.key] = job


def jobs():
    return sorted(_registry.values(), key=lambda job: (job.every, job.key))


def due(last_runs, now):
    """Jobs never run, or last run at least ``every`` ago."""
    return [job for job in jobs() if job.key not in last_runs or now - last_runs[job.key] >= job.every]
