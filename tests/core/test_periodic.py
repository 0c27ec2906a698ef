"""The scheduler runs every app's periodic jobs, and a restart does not repeat a weekly one."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core import periodic
from core.models import PeriodicRun

pytestmark = pytest.mark.django_db


def test_every_app_registers_its_jobs():
    keys = {job.key for job in periodic.jobs()}
    assert {
        "core.send_emails",
        "search.catch_up",
        "agenda.offers_and_reminders",
        "evaluation.figures_and_surveys",
        "evaluation.weekly_digest",
        "complaints.retention",
        "forums.moderation_summary",
        "forums.ip_retention",
    } <= keys


def test_run_once_runs_all_and_records_when(monkeypatch):
    out = StringIO()
    call_command("run_periodic", "--once", stdout=out)
    assert "core.send_emails:" in out.getvalue()
    assert set(PeriodicRun.objects.values_list("key", flat=True)) == {job.key for job in periodic.jobs()}


def test_due_respects_the_last_run_even_after_a_restart():
    now = timezone.now()
    weekly = next(job for job in periodic.jobs() if job.key == "evaluation.weekly_digest")
    assert weekly in periodic.due({}, now)
    assert weekly not in periodic.due({weekly.key: now - timedelta(days=2)}, now)
    assert weekly in periodic.due({weekly.key: now - timedelta(days=7)}, now)


def test_a_failing_job_does_not_stop_the_others(monkeypatch):
    monkeypatch.setitem(
        periodic._registry,
        "test.broken",
        periodic.PeriodicJob("test.broken", lambda: 1 / 0, timedelta(minutes=1)),
    )
    out, err = StringIO(), StringIO()
    call_command("run_periodic", "--once", stdout=out, stderr=err)
    assert "test.broken: failed" in err.getvalue()
    assert "core.send_emails:" in out.getvalue()
    assert not PeriodicRun.objects.filter(key="test.broken").exists()
