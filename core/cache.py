"""The shared cache (``CACHE_URL``): a Redis outage costs speed, never pages.

Django's RedisCache raises when Redis cannot be reached, and the cache is read on
every request (Wagtail's site root paths, the page cache, the API cache, search
results), so a stopped Redis turned every page into a 500. ``ResilientRedisCache``
answers as an empty cache would instead: reads miss, writes are dropped, ``incr``
raises ValueError as for a missing key. Pages are then rendered from the database.

- Short socket timeouts (``TIMEOUTS``, overridable in OPTIONS), so a hung server
  delays a request by about a second, not by redis-py's default of five per call.
- After a failure the server is left alone for ``RETRY_AFTER`` seconds (OPTIONS
  ``RETRY_AFTER``): requests during an outage do not each wait on it. This is known
  per process and server, across threads and cache aliases.
- The outage is logged when it starts, every ``LOG_EVERY`` seconds while it lasts and
  when it ends, not on every call.
- A ``clear()`` that could not reach the server (publishing empties the page cache)
  is done as soon as the server answers again, so no page stays stale after it.

What needs the cache to be shared for correctness asks ``shared_cache_down()``: rate
limits then count per process (core/rate_limit.py) and ``/readyz`` says "not ready"
(core/health.py).
"""

import logging
import re
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}
RETRY_AFTER = 5
LOG_EVERY = 60
_NOT_THERE = object()


class ServerState:
    """What this process knows about one Redis server, shared by its threads and aliases."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_since = None
        self.retry_at = 0.0
        self.logged_at = 0.0
        self.pending_clears = {}  # key prefix: the clear to do once the server answers

    def may_try(self):
        return self.down_since is None or time.monotonic() >= self.retry_at

    def failed(self, error, retry_after):
        now = time.monotonic()
        with self.lock:
            if self.down_since is None:
                self.down_since = now
                logger.warning(
                    "cache server unreachable (%s): serving without it, retrying every %s s",
                    error,
                    retry_after,
                )
                self.logged_at = now
            elif now - self.logged_at >= LOG_EVERY:
                logger.warning(
                    "cache server still unreachable after %.0f s (%s)", now - self.down_since, error
                )
                self.logged_at = now
            self.retry_at = now + retry_after

    def answered(self):
        """Notes that the server answered; returns the clears left to do after an outage."""
        if self.down_since is None:
            return {}
        with self.lock:
            if self.down_since is None:
                return {}
            logger.warning("cache server answers again after %.0f s", time.monotonic() - self.down_since)
            self.down_since = None
            clears, self.pending_clears = self.pending_clears, {}
        return clears

    def clear_later(self, prefix, clear):
        with self.lock:
            self.pending_clears.setdefault(prefix, clear)


_states = {}
_states_lock = threading.Lock()


def _state_of(servers):
    with _states_lock:
        return _states.setdefault(tuple(servers), ServerState())


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that answers as an empty cache while Redis cannot be reached."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = options.pop("RETRY_AFTER", RETRY_AFTER)
        super().__init__(server, {**params, "OPTIONS": {**TIMEOUTS, **options}})
        self.state = _state_of(self._servers)

    def _attempt(self, operation, miss, *args):
        if not self.state.may_try():
            return miss
        try:
            result = operation(*args)
        except UNREACHABLE as error:
            self.state.failed(error, self.retry_after)
            return miss
        self._answered()
        return result

    def _answered(self):
        for prefix, clear in self.state.answered().items():
            try:
                clear()
            except UNREACHABLE as error:
                self.state.failed(error, self.retry_after)
                self.state.clear_later(prefix, clear)

    def ping(self):
        """Asks the server now, whatever the last failure: True when it answers."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as error:
            self.state.failed(error, self.retry_after)
            return False
        self._answered()
        return True

    def reachable(self):
        """False while the server is known to be down; once RETRY_AFTER has passed, asks it."""
        if self.state.down_since is None:
            return True
        return self.state.may_try() and self.ping()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        result = self._attempt(super().incr, _NOT_THERE, key, delta, version)
        if result is _NOT_THERE:
            raise ValueError(f"Key '{key}' not found (the cache server is unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        cleared = self._attempt(self._clear_own_keys, _NOT_THERE)
        if cleared is _NOT_THERE:
            self.state.clear_later(self.key_prefix, self._clear_own_keys)
            return False
        return cleared

    def _clear_own_keys(self):
        """Deletes this alias's keys only. Django's RedisCache empties the whole database,
        so emptying the page cache on publish also reset every rate limit and cached
        search result kept under the "default" alias in the same database."""
        if not self.key_prefix:
            return super().clear()
        client = self._cache.get_client(write=True)
        pattern = re.sub(r"([\\*?\[\]])", r"\\\1", self.key_prefix) + ":*"
        batch = []
        for key in client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) == 1000:
                client.unlink(*batch)
                batch = []
        if batch:
            client.unlink(*batch)
        return True


def shared_cache_down(alias="default"):
    """True while the cache ``alias`` is a shared one (Redis) that cannot be reached;
    always False for a per-process cache, which cannot be down."""
    backend = caches[alias]
    return isinstance(backend, ResilientRedisCache) and not backend.reachable()


def shared_cache(alias="default"):
    """The cache ``alias`` when it is shared by processes (CACHE_URL), else None."""
    backend = caches[alias]
    return backend if isinstance(backend, ResilientRedisCache) else None


# How long a process may keep, in its own memory, what another process's purge cannot reach.
PER_PROCESS_SECONDS = 60


def kept_for(seconds, alias="pages"):
    """The lifetime of an entry of ``alias`` that a change must retire: ``seconds`` when the cache
    is shared (a purge reaches every process), at most PER_PROCESS_SECONDS when each process has
    its own (a purge empties only the process that made the change)."""
    return seconds if shared_cache(alias) else min(seconds, PER_PROCESS_SECONDS)
