"""The task worker waits out a database outage and carries on by itself (PostgreSQL).

A real outage of the worker's database: its connection is terminated by the server
and new connections are refused for a moment (ALLOW_CONNECTIONS false), as during a
restart. django-tasks-db's own db_worker exits at this point; task_worker must wait,
reconnect and then run the task queued after the outage.
"""

import logging
import threading
import time

import psycopg
import pytest
from django.core import mail
from django.db import connection, connections
from django.test import override_settings
from psycopg import sql

from core.emails import queue_email
from core.management.commands.task_worker import Worker
from core.models import OutgoingEmail

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a server-side outage needs PostgreSQL; `make test` runs this file again on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def wait_for(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def other_connections():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def set_connections_allowed(allowed):
    """From the server's maintenance database: a database cannot refuse its own connections."""
    name = connection.settings_dict["NAME"]
    params = {**connection.get_connection_params(), "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**params) as admin:
        admin.execute(
            sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS {}").format(
                sql.Identifier(name), sql.SQL("true" if allowed else "false")
            )
        )
        if not allowed:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                [name, connection.connection.info.backend_pid],
            )


def run_then_disconnect(worker):
    try:
        worker.run()
    finally:
        connections.close_all()  # this thread's connection, so the test database can be dropped


def test_worker_survives_the_database_going_away(caplog, monkeypatch):
    monkeypatch.setattr(Worker, "first_wait", 0.2)
    caplog.set_level(logging.WARNING, logger="core.management.commands.task_worker")
    worker = Worker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=1,
        worker_id="outage-test",
    )
    with override_settings(TASKS=DATABASE_TASKS):
        thread = threading.Thread(target=run_then_disconnect, args=[worker], daemon=True)
        thread.start()
        try:
            wait_for(lambda: other_connections() > 0)
            set_connections_allowed(False)
            wait_for(lambda: len(caplog.records) >= 2)  # lost, then refused while reconnecting
            assert thread.is_alive()
        finally:
            set_connections_allowed(True)
        queue_email("dewi@example.org", "Setelah gangguan", "Pesan ini dikirim setelah basis data kembali.")
        thread.join(timeout=30)
    worker.running = False  # should the test fail above, the worker stops at its next poll
    assert not thread.is_alive(), "the worker did not run the task after the database came back"
    assert OutgoingEmail.objects.get(to="dewi@example.org").sent_at is not None
    assert [message.to for message in mail.outbox] == [["dewi@example.org"]]
    assert all("database unreachable" in record.getMessage() for record in caplog.records)
