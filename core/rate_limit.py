"""Fixed-window rate limits kept in the shared cache, and the client's address.

The counters live in Django's "default" cache, so with ``CACHE_URL`` (Redis) every
web process shares them; with the embedded local-memory cache each process counts
on its own, which is fine for one process. Callers decide what to count: forms
count only valid submissions, so a person correcting a typo is never locked out.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


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


def hit(scope, identity, limit, window):
    """Count one event; True when it goes over ``limit`` events per ``window`` seconds."""
    key = _key(scope, identity)
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: start a new window
        cache.set(key, 1, window)
        count = 1
    return count > limit


def exceeded(scope, identity, limit):
    """True when ``limit`` is already used up, without counting (to refuse early)."""
    return (cache.get(_key(scope, identity)) or 0) >= limit
