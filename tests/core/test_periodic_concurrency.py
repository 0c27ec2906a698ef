"""Two schedulers started together run each due job once.

On SQLite: two real processes (``run_periodic --once``) on a file database, started
at the same moment (the suite's in-memory database cannot be shared with processes). On PostgreSQL (``TEST_DATABASE=postgres``): two
threads, each with its own connection outside the test's transaction, as two machines.
"""

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import closing
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections

from core import periodic
from core.models import PeriodicRun

pytestmark = pytest.mark.django_db
SCRIPT = Path(__file__).with_name("scheduler_process.py")


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the PostgreSQL test is the threads one below")
def test_two_cron_runs_started_together_run_each_job_once(tmp_path):
    database = tmp_path / "scheduler.sqlite3"
    create_table, params = connection.schema_editor().table_sql(PeriodicRun)  # the scheduler's table only
    with closing(sqlite3.connect(database)) as copy:
        copy.execute(create_table, params)
        copy.commit()
    count_file = tmp_path / "runs"
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SINERGI_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
    }
    start_at = str(time.time() + 10)  # both have started Django by then, even on a busy machine
    processes = [
        subprocess.Popen(
            [sys.executable, str(SCRIPT), start_at, str(count_file)],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=180) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    ran = Counter(line.split()[2].rstrip(":") for out, err in outputs for line in (out + err).splitlines())
    assert ran == Counter({"test.quick": 1, "test.slow": 1, "test.weekly": 1}), outputs
    assert Counter(count_file.read_text().split()) == ran


def in_thread(function):
    """Run on a fresh connection in autocommit mode, outside the test's transaction."""
    result = {}

    def run():
        try:
            result["value"] = function()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


@pytest.mark.skipif(connection.vendor != "postgresql", reason="`make test` runs this file on PostgreSQL")
def test_two_schedulers_started_together_run_each_job_once(monkeypatch):
    calls = Counter()

    def counted(key, seconds):
        def run():
            calls[key] += 1
            time.sleep(seconds)
            return "done"

        return run

    jobs = [
        periodic.PeriodicJob("test.quick", counted("test.quick", 0), timedelta(minutes=5)),
        periodic.PeriodicJob("test.slow", counted("test.slow", 1), timedelta(hours=1)),
        periodic.PeriodicJob("test.weekly", counted("test.weekly", 0.2), timedelta(days=7)),
    ]
    # Only these: the real jobs would commit their work (emails, scrubbing) outside the
    # test's transaction, where the following tests would find it.
    monkeypatch.setattr(periodic, "jobs", lambda: jobs)
    barrier = threading.Barrier(2)

    def scheduler():
        out = StringIO()
        barrier.wait()
        call_command("run_periodic", "--once", stdout=out)
        return out.getvalue()

    try:
        started = [in_thread(scheduler) for _ in range(2)]
        for thread, _result in started:
            thread.join(timeout=60)
        outputs = [result["value"] for _thread, result in started]
        ran = Counter(line.split()[2].rstrip(":") for out in outputs for line in out.splitlines())
        assert ran == Counter({"test.quick": 1, "test.slow": 1, "test.weekly": 1}), outputs
        assert calls == ran
    finally:
        thread, _result = in_thread(lambda: PeriodicRun.objects.filter(key__startswith="test.").delete())
        thread.join()
