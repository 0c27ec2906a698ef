"""Health endpoints for load balancers and monitoring (no language prefix, JSON, never cached).

``/healthz``: the process answers. ``/readyz``: what it depends on answers:
database (required: 503 without it), cache, search engine and the background
queues (degraded, not down: the site keeps working and says what is wrong).
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

STUCK_AFTER = timedelta(minutes=15)


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def check_cache():
    cache.set("readyz", "1", 10)
    return "ok" if cache.get("readyz") == "1" else "not storing values"


def check_search():
    from search.engines import configured_engine, database_engine
    from search.engines.base import EngineUnavailable

    engine = configured_engine()
    if engine is database_engine():
        return "ok (database engine)"
    try:
        engine.info()
    except EngineUnavailable as error:
        return f"unreachable, answering from the database: {type(error.__cause__).__name__}"
    return "ok"


def check_queues():
    """Work waiting too long: index updates, emails, and background tasks no worker took
    (with TASKS_BACKEND=database a stopped worker shows here first)."""
    from django_tasks_db.models import DBTaskResult

    from cms.models import OutgoingEmail
    from search.models import PendingUpdate

    old = timezone.now() - STUCK_AFTER
    stuck = {
        "index updates": PendingUpdate.objects.filter(created__lt=old).count(),
        "emails": OutgoingEmail.objects.filter(sent_at__isnull=True, created__lt=old).count(),
        "background tasks": DBTaskResult.objects.ready().filter(enqueued_at__lt=old).count(),
    }
    waiting = {name: count for name, count in stuck.items() if count}
    return (
        "ok"
        if not waiting
        else "waiting over 15 minutes: " + ", ".join(f"{n} {c}" for n, c in waiting.items())
    )


@never_cache
def readyz(request):
    checks = {}
    try:
        checks["database"] = check_database()
    except Exception as error:  # noqa: BLE001 - report, do not crash the probe
        return JsonResponse({"status": "down", "checks": {"database": type(error).__name__}}, status=503)
    for name, check in (("cache", check_cache), ("search", check_search), ("queues", check_queues)):
        try:
            checks[name] = check()
        except Exception as error:  # noqa: BLE001
            checks[name] = f"failed: {type(error).__name__}"
    degraded = [name for name, result in checks.items() if not result.startswith("ok")]
    return JsonResponse({"status": "degraded" if degraded else "ok", "degraded": degraded, "checks": checks})
