"""/readyz tells the public only whether the site is ready; what is wrong (names of
services, queues, error classes) only to the monitoring addresses or with the token.
Failed background tasks show as "degraded: tasks" (they were reported as "ok")."""

from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.emails import send_emails_task

OUTSIDE = "203.0.113.5"


@pytest.fixture
def token(settings):
    settings.READYZ_TOKEN = "monitoring-secret-1234567890"
    return settings.READYZ_TOKEN


def test_the_public_sees_the_status_only(client, db):
    response = client.get("/readyz", REMOTE_ADDR=OUTSIDE)
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_monitoring_addresses_see_the_checks(client, db):
    data = client.get("/readyz", REMOTE_ADDR="127.0.0.1").json()
    assert data["status"] == "ok" and "database" in data["checks"]


def test_the_token_shows_the_checks_from_anywhere(client, db, token):
    data = client.get("/readyz", REMOTE_ADDR=OUTSIDE, HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert "checks" in data
    wrong = client.get("/readyz", REMOTE_ADDR=OUTSIDE, HTTP_AUTHORIZATION="Bearer guess").json()
    assert wrong == {"status": "ok"}


def test_a_database_outage_names_no_error_class_to_the_public(client):
    def unreachable(*args):
        raise OperationalError("could not connect to server")

    with connection.execute_wrapper(unreachable):
        response = client.get("/readyz", REMOTE_ADDR=OUTSIDE)
    assert response.status_code == 503 and response.json() == {"status": "down"}


def test_failed_background_tasks_make_readiness_degraded(client, db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = send_emails_task.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="FAILED",
        finished_at=timezone.now() - timedelta(hours=1),
        exception_class_path="builtins.KeyError",
    )
    data = client.get("/readyz").json()
    assert data["status"] == "degraded" and "tasks" in data["degraded"]
    assert "1 failed" in data["checks"]["tasks"] and "send_emails_task" in data["checks"]["tasks"]
    assert client.get("/readyz", REMOTE_ADDR=OUTSIDE).json() == {"status": "degraded"}
