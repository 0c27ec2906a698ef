"""One scheduler: ``run_periodic`` (loop or ``--once`` from cron) runs only the jobs that are
due, records each run, and never runs a job twice when two schedulers start together
(tests/core/test_periodic_concurrency.py for the latter)."""

import os
import subprocess
import sys
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.utils import timezone
from wagtail import hooks

from core import periodic
from core.models import PeriodicRun
from search import pipeline

pytestmark = pytest.mark.django_db

ALL_JOBS = {
    "core.send_emails",
    "core.outbox_retention",
    "core.session_retention",
    "core.retry_purges",
    "core.notice_retention",
    "search.catch_up",
    "search.retry",
    "agenda.offers_and_reminders",
    "agenda.retention",
    "evaluation.figures_and_surveys",
    "evaluation.weekly_digest",
    "evaluation.search_retention",
    "complaints.retention",
    "forums.moderation_summary",
    "forums.ip_retention",
}


@pytest.fixture(autouse=True)
def _demo_settled(monkeypatch):
    """The test database's demo content may have been built minutes ago: the search catch-up
    job would find all of it changed within its window and index it again at every run of
    the scheduler (2 s each). These tests are about the scheduler; the catch-up itself is
    tested in tests/search/test_sync.py."""
    monkeypatch.setattr(pipeline, "catch_up", lambda minutes: 0)


def once(*args):
    """Run ``run_periodic --once`` as cron would; the keys of the jobs it ran, and its output."""
    out, err = StringIO(), StringIO()
    call_command("run_periodic", "--once", *args, stdout=out, stderr=err)
    lines = out.getvalue().splitlines() + err.getvalue().splitlines()
    return [line.split()[2].rstrip(":") for line in lines], out.getvalue(), err.getvalue()


def time_passes(delta):
    """Move every recorded run back in time, as if ``delta`` had passed since."""
    for run in PeriodicRun.objects.exclude(last_run=None):
        run.last_run -= delta
        run.finished = run.finished and run.finished - delta
        run.save()


def test_every_app_registers_its_jobs_through_the_hook():
    assert {job.key for job in periodic.jobs()} == ALL_JOBS


def test_once_runs_the_due_jobs_and_records_each_run():
    ran, out, _err = once()
    assert sorted(ran) == sorted(ALL_JOBS)  # nothing ran before: all are due, each once
    assert "core.send_emails: ok" in out
    runs = {run.key: run for run in PeriodicRun.objects.all()}
    assert set(runs) == ALL_JOBS
    for run in runs.values():
        assert run.outcome == "ok" and run.finished >= run.last_run and run.duration is not None
        assert run.locked_until is None and run.summary


def test_once_twice_in_a_row_runs_nothing_the_second_time():
    once()
    before = {run.key: run.last_run for run in PeriodicRun.objects.all()}
    ran, out, err = once()
    assert ran == [] and out == "" and err == ""
    assert {run.key: run.last_run for run in PeriodicRun.objects.all()} == before


def test_cron_every_five_minutes_runs_the_weekly_job_once_a_week():
    once()
    time_passes(timedelta(minutes=5))
    ran, _out, _err = once()
    assert "evaluation.weekly_digest" not in ran and "forums.moderation_summary" not in ran
    assert {"core.send_emails", "search.catch_up", "agenda.offers_and_reminders"} <= set(ran)
    time_passes(timedelta(days=7))
    assert "evaluation.weekly_digest" in once()[0]


def test_a_cron_line_a_little_early_still_finds_a_five_minute_job_due():
    """cron starts the command at :00, the job started a second or two after the previous :55."""
    once()
    time_passes(timedelta(minutes=5) - timedelta(seconds=3))
    assert "core.send_emails" in once()[0]


def test_force_runs_a_job_that_is_not_due():
    once()
    ran, out, _err = once("--force", "evaluation.weekly_digest")
    assert ran == ["evaluation.weekly_digest"] and "evaluation.weekly_digest: ok" in out
    run = PeriodicRun.objects.get(key="evaluation.weekly_digest")
    assert timezone.now() - run.last_run < timedelta(minutes=1)


def test_force_with_an_unknown_job_says_so_in_one_line():
    with pytest.raises(CommandError, match="nosuch"):
        call_command("run_periodic", "--once", "--force", "nosuch")
    assert not PeriodicRun.objects.exists()


@pytest.mark.slow
def test_force_with_an_unknown_job_exits_non_zero(tmp_path):
    """The real command line, as an operator types it: one line on stderr, exit status 1."""
    environment = {
        **os.environ,
        "SINERGI_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "run_periodic", "--once", "--force", "nosuch"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert "nosuch" in line and "--list" in line


@pytest.fixture
def extra_job():
    """Add a job to the registered ones for one test, through the same hook the apps use."""
    added = []

    def register():
        return added

    def add(key, run, every=timedelta(minutes=1)):
        added.append(periodic.PeriodicJob(key, run, every))

    periodic.jobs.cache_clear()
    with hooks.register_temporarily(periodic.HOOK, register):
        yield add
        periodic.jobs.cache_clear()


def test_two_jobs_with_one_name_are_a_configuration_error(extra_job):
    extra_job("core.send_emails", lambda: None)
    with pytest.raises(ImproperlyConfigured, match="core.send_emails"):
        periodic.jobs()


def test_a_failing_job_does_not_stop_the_others_and_is_retried_later(extra_job):
    calls = []

    def broken():
        calls.append(1)
        raise ZeroDivisionError

    extra_job("test.broken", broken, every=timedelta(days=1))
    ran, out, err = once()
    assert "test.broken: failed (ZeroDivisionError" in err
    assert "core.send_emails: ok" in out and "test.broken" not in out
    run = PeriodicRun.objects.get(key="test.broken")
    assert run.outcome == "failed" and run.summary == "ZeroDivisionError" and run.locked_until is None
    time_passes(timedelta(minutes=5))
    assert "test.broken" not in once()[0]  # not at once: the retry delay
    time_passes(periodic.RETRY_AFTER)
    assert "test.broken" in once()[0]  # not a day later: the retry delay
    assert len(calls) == 2


def test_a_job_running_elsewhere_is_left_alone_until_its_lease_ends(extra_job):
    calls = []
    extra_job("test.counted", lambda: calls.append(1))
    now = timezone.now()
    PeriodicRun.objects.create(
        key="test.counted",
        last_run=now - timedelta(hours=1),
        outcome="running",
        locked_until=now + timedelta(minutes=5),
    )
    assert "test.counted" not in once()[0]
    with pytest.raises(CommandError, match="test.counted.*running"):
        call_command("run_periodic", "--once", "--force", "test.counted")
    PeriodicRun.objects.filter(key="test.counted").update(locked_until=now - timedelta(seconds=1))
    assert "test.counted" in once()[0]  # the run that held the lease crashed: the job is free again
    assert calls == [1]


def test_list_shows_each_job_its_interval_last_run_and_whether_due():
    out = StringIO()
    call_command("run_periodic", "--list", stdout=out)
    listing = out.getvalue()
    for key in ALL_JOBS:
        assert key in listing
    assert "never" in listing and "due now" in listing
    once()
    out = StringIO()
    call_command("run_periodic", "--list", stdout=out)
    digest = next(line for line in out.getvalue().splitlines() if line.startswith("evaluation.weekly_digest"))
    assert "7 days" in digest and "ok" in digest and "due now" not in digest and "next" in digest


def test_the_loop_waits_out_a_database_outage_then_runs_the_due_jobs(monkeypatch, caplog):
    command = "core.management.commands.run_periodic"
    database = {"down": True}

    def unreachable(execute, sql, params, many, context):
        if database["down"]:
            raise OperationalError("connection to server failed: Connection refused")
        return execute(sql, params, many, context)

    def tick(seconds):
        if not database["down"]:  # the second round ran: stop the loop
            raise KeyboardInterrupt
        database["down"] = False

    monkeypatch.setattr(f"{command}.time.sleep", tick)
    # Closing the connection would end the test's transaction (as in tests/agenda/test_task_worker.py).
    monkeypatch.setattr(f"{command}.connections.close_all", lambda: None)
    monkeypatch.setattr(f"{command}.close_old_connections", lambda: None)
    out = StringIO()
    with connection.execute_wrapper(unreachable), pytest.raises(KeyboardInterrupt):
        call_command("run_periodic", "--tick", "1", stdout=out)
    assert "database unreachable" in caplog.text
    assert "core.send_emails: ok" in out.getvalue()
    assert set(PeriodicRun.objects.values_list("key", flat=True)) == ALL_JOBS
