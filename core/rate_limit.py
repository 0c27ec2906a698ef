"""Fixed-window rate limits kept in the shared cache, and the client's address.

The counters live in Django's "default" cache, so with ``CACHE_URL`` (Redis) every
web process shares them; with the embedded local-memory cache each process counts
on its own, which is fine for one process. Callers decide what to count: forms
count only valid submissions, so a person correcting a typo is never locked out.

While Redis cannot be reached each process counts in its own memory instead (the
fallback policy, docs/configuration.md): every limit still holds per process, so
with N processes a client gets at most N times its limit, never unlimited. Counts
made during the outage are not carried into Redis when it is back, nor the other way.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from core.cache import shared_cache_down

_own_counts = LocMemCache("sinergi-rate-limits", {"OPTIONS": {"MAX_ENTRIES": 50000}})


def client_address(request):
    """The address of the person, also behind ``TRUSTED_PROXY_COUNT`` reverse proxies.

    With proxies in front, REMOTE_ADDR is the nearest proxy; each trusted proxy
    appends the address it saw to X-Forwarded-For, so the client is the entry that
    many places from the end. Entries further left are whatever the client sent and
    cannot be trusted.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, identity):
    # Hashed: the cache never holds addresses or emails in clear.
    digest = hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()[:32]
    return f"rate:{scope}:{digest}"


def counts():
    """Where events are counted: the shared cache, or this process's memory while the
    shared cache cannot be reached (also for Django REST framework's throttles)."""
    return _own_counts if shared_cache_down() else cache


def _count(store, key, window):
    store.add(key, 0, window)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr: start a new window
        store.set(key, 1, window)
        return 1


def hit(scope, identity, limit, window):
    """Count one event; True when it goes over ``limit`` events per ``window`` seconds."""
    key = _key(scope, identity)
    store = counts()
    count = _count(store, key, window)
    if store is cache and shared_cache_down():  # it went away while counting
        count = _count(_own_counts, key, window)
    return count > limit


def exceeded(scope, identity, limit):
    """True when ``limit`` is already used up, without counting (to refuse early)."""
    return (counts().get(_key(scope, identity)) or 0) >= limit
