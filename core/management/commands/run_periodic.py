"""manage.py run_periodic: the scheduler; runs each registered periodic job when it is due.

manage.py run_periodic                 # keep running, checking every --tick seconds
manage.py run_periodic --once          # run the jobs that are due, then stop (for cron)
manage.py run_periodic --force KEY     # run one job now, due or not (with or without --once)
manage.py run_periodic --list          # each job, how often, its last run, when it is due

Any number of these may run at once: each job is claimed in the database before it
runs (core/scheduler.py), so only one of them runs it.
"""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone

from core import periodic, scheduler
from core.models import PeriodicRun

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the periodic jobs of all apps that are due (emails, search catch-up, offers, reminders, "
        "figures, digests, retention)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run the due jobs once, then stop")
        parser.add_argument("--force", metavar="KEY", help="run this job now, due or not, then stop")
        parser.add_argument("--list", action="store_true", help="list the jobs and when they are due")
        parser.add_argument("--tick", type=int, default=30, help="seconds between checks (default 30)")

    def handle(self, *args, **options):
        if options["list"]:
            return self.list()
        if options["force"]:
            return self.force(options["force"])
        while True:
            try:
                self.run_due()
            except (OperationalError, InterfaceError) as error:
                if options["once"]:
                    raise
                # The database is away (restart, failover): wait a tick and carry on, as
                # the task worker does, rather than leave the jobs undone until a restart.
                logger.warning(
                    "database unreachable (%s); the scheduler tries again in %s s", error, options["tick"]
                )
                connections.close_all()
            if options["once"]:
                return
            close_old_connections()
            time.sleep(options["tick"])

    def run_due(self):
        """One round: try the jobs that look due in the record read now; the claim decides."""
        runs = {run.key: run for run in PeriodicRun.objects.all()}
        for job in periodic.jobs():
            run, now = runs.get(job.key), timezone.now()
            if scheduler.is_due(job, run, now) and not scheduler.is_held(run, now):
                self.report(scheduler.run(job))

    def force(self, key):
        try:
            job = periodic.get(key)
        except periodic.UnknownJob:
            raise CommandError(
                f"no periodic job {key!r}; `manage.py run_periodic --list` shows the jobs"
            ) from None
        outcome = scheduler.run(job, force=True)
        if outcome is None:
            held = PeriodicRun.objects.get(key=key).locked_until
            raise CommandError(
                f"periodic job {key!r} is running elsewhere until {timezone.localtime(held):%Y-%m-%d %H:%M:%S}; not run"
            )
        self.report(outcome)

    def report(self, outcome):
        """One line per job run: a JSON log record where logs are JSON (production), so a
        collector reads the scheduler like every other process; readable lines otherwise."""
        if outcome is None:  # another scheduler took it first
            return
        seconds = outcome.duration.total_seconds()
        if settings.LOG_FORMAT == "json":
            fields = {"job": outcome.key, "ok": outcome.ok, "summary": outcome.summary, "seconds": seconds}
            level = logging.INFO if outcome.ok else logging.ERROR
            logger.log(
                level, "%s: %s", outcome.key, "ok" if outcome.ok else "failed", extra={"fields": fields}
            )
        elif outcome.ok:
            line = f"{timezone.localtime():%Y-%m-%d %H:%M:%S} {outcome.key}: ok ({outcome.summary}) {seconds:.1f} s"
            self.stdout.write(line)
        else:
            line = f"{timezone.localtime():%Y-%m-%d %H:%M:%S} {outcome.key}: failed ({outcome.summary}, see the log)"
            self.stderr.write(line)

    def list(self):
        runs = {run.key: run for run in PeriodicRun.objects.all()}
        now = timezone.now()
        width = max(len(job.key) for job in periodic.jobs())
        for job in periodic.jobs():
            run = runs.get(job.key)
            if run is None or run.last_run is None:
                last = "never"
            else:
                last = f"{timezone.localtime(run.last_run):%Y-%m-%d %H:%M} {run.outcome or 'ok'}"
            if scheduler.is_held(run, now):
                status = f"running (lease until {timezone.localtime(run.locked_until):%H:%M})"
            elif scheduler.is_due(job, run, now):
                status = "due now"
            else:
                status = f"next {timezone.localtime(scheduler.next_due(job, run)):%Y-%m-%d %H:%M}"
            self.stdout.write(
                f"{job.key:<{width}}  every {interval(job.every):<8}  last {last:<20}  {status}"
            )


def interval(every):
    """5 min, 1 h, 7 days: how operators say it."""
    seconds = int(every.total_seconds())
    for unit, size in (("days", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {'day' if unit == 'days' and count == 1 else unit}"
    return f"{seconds} s"
