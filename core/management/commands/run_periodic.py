"""manage.py run_periodic: the scheduler process; runs every registered periodic job when due.

manage.py run_periodic            # keep running (one per deployment; a second is harmless)
manage.py run_periodic --once     # run every job once and stop (for cron)
manage.py run_periodic --list     # show the jobs and how often they run
"""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone

from core import periodic
from core.models import PeriodicRun

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the periodic jobs of all apps (emails, search catch-up, offers, reminders, figures, retention)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every job once, then stop")
        parser.add_argument("--list", action="store_true", help="list the jobs and stop")
        parser.add_argument("--tick", type=int, default=30, help="seconds between checks (default 30)")

    def handle(self, *args, **options):
        if options["list"]:
            for job in periodic.jobs():
                self.stdout.write(f"{job.key:<28} every {job.every}")
            return
        last_runs = None
        while True:
            try:
                if last_runs is None:
                    last_runs = dict(PeriodicRun.objects.values_list("key", "last_run"))
                self.run_due(last_runs, every_job=options["once"])
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

    def run_due(self, last_runs, every_job=False):
        now = timezone.now()
        for job in periodic.jobs() if every_job else periodic.due(last_runs, now):
            if self.run(job):
                last_runs[job.key] = now
                PeriodicRun.objects.update_or_create(key=job.key, defaults={"last_run": now})

    def run(self, job):
        started = time.monotonic()
        try:
            result = job.run()
        except Exception:  # one failing job must not stop the others; it runs again when due
            logger.exception("periodic job %s failed", job.key)
            self.stderr.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} {job.key}: failed (see the log)")
            return False
        self.stdout.write(
            f"{timezone.now():%Y-%m-%d %H:%M:%S} {job.key}: {result} ({time.monotonic() - started:.1f} s)"
        )
        return True
