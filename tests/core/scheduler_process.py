"""One scheduler process for tests/core/test_periodic_concurrency.py: ``run_periodic --once``
started at an agreed moment, so that two such processes overlap, with three jobs that
count their runs in a file.

python tests/core/scheduler_process.py START_AT COUNT_FILE  (DATABASE_URL names the database)
"""

import sys
import time
from datetime import timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
django.setup()

from django.core.management import call_command  # noqa: E402 - after django.setup()

from core import periodic  # noqa: E402

start_at, count_file = float(sys.argv[1]), Path(sys.argv[2])


def counted(key, seconds):
    def run():
        with count_file.open("a") as file:
            file.write(f"{key}\n")
        time.sleep(seconds)  # the slow one runs while the other process reaches it
        return "done"

    return run


JOBS = (
    periodic.PeriodicJob("test.quick", counted("test.quick", 0), timedelta(minutes=5)),
    periodic.PeriodicJob("test.slow", counted("test.slow", 1), timedelta(hours=1)),
    periodic.PeriodicJob("test.weekly", counted("test.weekly", 0.2), timedelta(days=7)),
)
# Only these: the database holds the scheduler's table and nothing the apps' jobs need.
periodic.jobs = lambda: JOBS

time.sleep(max(0.0, start_at - time.time()))
call_command("run_periodic", "--once")
