"""Health endpoints and security headers."""

import pytest

from search.models import PendingUpdate

pytestmark = pytest.mark.django_db


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_ok(client):
    data = client.get("/readyz").json()
    assert data["status"] == "ok", data
    assert set(data["checks"]) == {"database", "cache", "search", "queues", "tasks"}


def test_readyz_reports_an_unreachable_engine_and_stuck_queue(client, settings):
    from datetime import timedelta

    from django.utils import timezone

    from search.engines import configured_engine

    settings.SEARCH_URL = "opensearch+http://127.0.0.1:9"
    configured_engine.cache_clear()
    update = PendingUpdate.objects.create(source="cms.guide", object_id="1")
    PendingUpdate.objects.filter(pk=update.pk).update(created=timezone.now() - timedelta(hours=1))
    try:
        data = client.get("/readyz").json()
    finally:
        configured_engine.cache_clear()
    assert data["status"] == "degraded"
    assert set(data["degraded"]) == {"search", "queues"}
    assert "index updates 1" in data["checks"]["queues"]


def test_public_pages_have_a_strict_content_security_policy(client, home):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["Permissions-Policy"].startswith("camera=()")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_admin_keeps_its_own_policy(client, make_user):
    client.force_login(make_user("admin", is_superuser=True, is_staff=True))
    assert "Content-Security-Policy" not in client.get("/admin/")


def test_request_id_is_returned_and_logged(client, home, caplog):
    import json
    import logging

    from core.request_log import JsonFormatter, RequestIdFilter, request_id

    response = client.get("/en/", HTTP_X_REQUEST_ID="lb-1234567890")
    assert response["X-Request-ID"] == "lb-1234567890"
    generated = client.get("/en/", HTTP_X_REQUEST_ID="<bad id>")["X-Request-ID"]
    assert generated != "<bad id>" and len(generated) == 32

    record = logging.LogRecord("sinergi", logging.WARNING, __file__, 1, "hello %s", ("world",), None)
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "hello world" and line["level"] == "WARNING" and line["request_id"] == "-"
    token = request_id.set("lb-1234567890")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    assert json.loads(JsonFormatter().format(record))["request_id"] == "lb-1234567890"


def test_tasks_no_worker_took_make_the_queues_degraded(client, db, settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from core.emails import send_emails_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = send_emails_task.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(hours=1))
    data = client.get("/readyz").json()
    assert "queues" in data["degraded"]
    assert "background tasks 1" in data["checks"]["queues"]


def test_readyz_with_the_database_down_is_503_and_healthz_still_answers(client):
    from django.db import OperationalError, connection

    def unreachable(*args):
        raise OperationalError("could not connect to server")

    with connection.execute_wrapper(unreachable):
        ready = client.get("/readyz")
        alive = client.get("/healthz")
    assert ready.status_code == 503 and ready.json() == {
        "status": "down",
        "checks": {"database": "OperationalError"},
    }
    assert alive.status_code == 200


def test_readyz_with_the_shared_cache_down_is_not_ready_and_healthz_still_answers(client, settings):
    settings.CACHES = {  # Django rebuilds its caches when this setting changes
        **settings.CACHES,
        "default": {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    ready = client.get("/readyz")
    assert ready.status_code == 503
    data = ready.json()
    assert (
        data["status"] == "not ready" and data["not_ready"] == ["cache"] and "cache" not in data["degraded"]
    )
    assert data["checks"]["cache"].startswith("unreachable") and "rate limits" in data["checks"]["cache"]
    assert data["checks"]["database"] == "ok"
    assert client.get("/healthz").status_code == 200
