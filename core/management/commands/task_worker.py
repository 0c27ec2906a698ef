"""manage.py task_worker: the background task worker, which waits out database outages.

django-tasks-db's ``db_worker`` ends its process when the database goes away (a
restart, a failover): its polling loop lets the OperationalError through, and until
something restarts the process, emails and index updates wait (bench/load found it
with PostgreSQL stopped for 20 s). This worker runs the same loop, and when the
database cannot be reached it closes its connections, waits 1, 2, 4... up to 30 s,
and carries on by itself. Takes the same options as db_worker.

A task that was running at the moment the connection was lost stays marked as
running; the work itself is not lost, because emails and index updates are kept in
outboxes (OutgoingEmail, PendingUpdate) that the periodic jobs retry.
"""

import logging
import os
import time

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)


class Worker(db_worker.Worker):
    first_wait = 1.0
    longest_wait = 30.0

    def run(self):
        wait = self.first_wait
        while self.running:
            started = time.monotonic()
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > self.longest_wait:
                    wait = self.first_wait  # a new outage after a good spell starts the back-off again
                logger.warning(
                    "database unreachable (%s); the task worker tries again in %.0f s", error, wait
                )
                connections.close_all()
                time.sleep(wait)
                wait = min(wait * 2, self.longest_wait)
        return None


class Command(db_worker.Command):
    help = "Run the background task worker (django-tasks-db), waiting out database outages."

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, **options):
        self.configure_logging(verbosity)
        logger.setLevel(logging.getLogger("django_tasks_db").level)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            batch=batch,
            interval=options["interval"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloader's child runs tasks
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
