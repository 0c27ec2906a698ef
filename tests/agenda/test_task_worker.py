"""With TASKS_BACKEND=database the web process only queues; the worker sends.

A real run of the worker command (django-tasks-db's db_worker) against the test
database: the request path writes the email and the task row, the worker does the
sending.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from agenda import registration as seats
from core.models import OutgoingEmail

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=False)
def test_worker_sends_what_the_request_queued(make_event, django_capture_on_commit_callbacks, monkeypatch):
    # The worker closes "old" connections between tasks; inside the test's transaction
    # Django counts the connection as old (autocommit is off) and PostgreSQL would lose
    # the transaction, so here that one housekeeping call is skipped.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    session = make_event().sessions.get()
    with override_settings(TASKS=DATABASE_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            seats.register(session.pk, {"name": "Dewi", "email": "dewi@example.org", "consent": True})
        queued = OutgoingEmail.objects.get(to="dewi@example.org")
        assert queued.sent_at is None and mail.outbox == []  # nothing sent in the request
        from django_tasks_db.models import DBTaskResult

        assert DBTaskResult.objects.filter(task_path="core.emails.send_emails_task").exists()
        call_command("db_worker", "--batch", "--no-reload", verbosity=0)
    queued.refresh_from_db()
    assert queued.sent_at is not None
    assert [message.to for message in mail.outbox] == [["dewi@example.org"]]
