"""Readiness for load balancers and monitoring (no language prefix, JSON, never cached).

``/healthz`` (the process answers) is answered before anything else by core/liveness.py.
``/readyz``: what the process depends on answers:
database (required: 503 "down" without it), cache, search engine and the background
queues (degraded, not down: the site keeps working and says what is wrong). A check
that raises ``NotReady`` makes the answer 503 "not ready": the process serves, but
something it must guarantee does not hold; the shared cache (``CACHE_URL``) is one,
since without it rate limits are counted per process instead of across all of them.

Everyone gets the status and its HTTP code, which is all a load balancer needs. What is
wrong (services, queue sizes, error classes) is shown only to the monitoring addresses
(``READYZ_ALLOWED_ADDRESSES``, loopback by default) or with ``Authorization: Bearer
<READYZ_TOKEN>``: it tells an attacker which part to push on.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult
from wagtail import hooks

from core.cache import shared_cache
from core.models import OutgoingEmail
from core.rate_limit import client_address

STUCK_AFTER = timedelta(minutes=15)
FAILED_WITHIN = timedelta(hours=24)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


class NotReady(Exception):
    """Raised by a readiness check when this process should not count as ready (503)."""


def check_cache():
    shared = shared_cache()
    if shared is not None and not shared.ping():
        raise NotReady("unreachable: pages are served uncached and rate limits count per process")
    cache.set("readyz", "1", 10)
    return "ok" if cache.get("readyz") == "1" else "not storing values"


def check_queues():
    """Work waiting too long: emails, background tasks no worker took (with
    TASKS_BACKEND=database a stopped worker shows here first), and the queues apps
    report through the ``sinergi_waiting_work`` hook (index updates, for one)."""
    old = timezone.now() - STUCK_AFTER
    stuck = {
        "emails": OutgoingEmail.objects.filter(sent_at__isnull=True, created__lt=old).count(),
        "background tasks": DBTaskResult.objects.ready().filter(enqueued_at__lt=old).count(),
    }
    for count_waiting in hooks.get_hooks("sinergi_waiting_work"):
        stuck.update(count_waiting(old))
    waiting = {name: count for name, count in stuck.items() if count}
    return (
        "ok"
        if not waiting
        else "waiting over 15 minutes: " + ", ".join(f"{n} {c}" for n, c in waiting.items())
    )


def check_failed_tasks():
    """Background tasks that failed recently (a worker ran them and they raised): their work
    was not done, though nothing is waiting any more."""
    failed = DBTaskResult.objects.failed().filter(finished_at__gte=timezone.now() - FAILED_WITHIN)
    count = failed.count()
    if not count:
        return "ok"
    names = sorted({path.rpartition(".")[2] for path in failed.values_list("task_path", flat=True)[:50]})
    return f"{count} failed in the last 24 hours: {', '.join(names)}"


def readiness_checks():
    """The platform's own checks, then those apps add with the ``sinergi_readiness_check``
    hook: a function returning ``(name, check)``, where ``check()`` answers "ok..." or what is wrong."""
    checks = [("cache", check_cache)]
    checks += [register() for register in hooks.get_hooks("sinergi_readiness_check")]
    checks += [("queues", check_queues), ("tasks", check_failed_tasks)]
    return checks


def may_see_details(request):
    token = getattr(settings, "READYZ_TOKEN", "")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token and given and constant_time_compare(given, token):
        return True
    return client_address(request) in settings.READYZ_ALLOWED_ADDRESSES


@never_cache
def readyz(request):
    answer, status = readiness()
    if not may_see_details(request):
        answer = {"status": answer["status"]}
    return JsonResponse(answer, status=status)


def readiness():
    """(what /readyz says in full, its HTTP status)."""
    checks = {}
    try:
        checks["database"] = check_database()
    except Exception as error:  # noqa: BLE001 - report, do not crash the probe
        return {"status": "down", "checks": {"database": type(error).__name__}}, 503
    not_ready = []
    for name, check in readiness_checks():
        try:
            checks[name] = check()
        except NotReady as reason:
            checks[name] = str(reason)
            not_ready.append(name)
        except Exception as error:  # noqa: BLE001
            checks[name] = f"failed: {type(error).__name__}"
    degraded = [
        name for name, result in checks.items() if not result.startswith("ok") and name not in not_ready
    ]
    if not_ready:
        return {"status": "not ready", "not_ready": not_ready, "degraded": degraded, "checks": checks}, 503
    return {"status": "degraded" if degraded else "ok", "degraded": degraded, "checks": checks}, 200
