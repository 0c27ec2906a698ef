"""Answering a search: the configured engine, or the database when the engine is down.

After a failure the remote engine is not asked again for ``ENGINE_RETRY_SECONDS`` (search/conf.py),
so while it is down every reader gets database results at once instead of each
waiting for a timeout.

Results are kept in the cache for ``SEARCH_CACHE_SECONDS``: many people search for
the same few things (KITAS, visa on arrival...), and a search costs the engine query,
its facets and the "did you mean" request. The search page itself is never cached
whole, because each view of it is recorded (evaluation/search_log.py). An index
update that lands bumps a generation number that is part of the key, so a newly
published guide is found at once wherever the cache is shared (Redis, CACHE_URL);
forum threads, which change with every post, do not (``SearchSource.volatile``).
"""

import hashlib
import logging
import time
from functools import partial

from django.conf import settings
from django.core.cache import cache

from search import answer, conf
from search.engines import EngineUnavailable, QueryRefused, configured_engine, database_engine
from search.text import CJK

logger = logging.getLogger(__name__)
_down_until = 0.0


def _remote_allowed():
    return time.monotonic() >= _down_until


def _mark_down():
    global _down_until
    _down_until = time.monotonic() + conf.get("ENGINE_RETRY_SECONDS")


def reset():
    """Forget a recorded outage (used by tests and after an operator fixed the engine)."""
    global _down_until
    _down_until = 0.0


def run(method, *args, **kwargs):
    """Call ``method`` on the configured engine, falling back to the database engine.

    ``method`` is the name of an engine method, or a function taking the engine first.
    Returns (result, degraded): degraded is True when the database answered
    because the configured engine could not. A query the engine refused (QueryRefused) is
    answered from the database without marking the engine down: the next reader's query is
    the engine's again.
    """
    engine = configured_engine()
    database = database_engine()

    def call(target):
        function = getattr(target, method) if isinstance(method, str) else partial(method, target)
        return function(*args, **kwargs)

    if engine is not database and _remote_allowed():
        try:
            return call(engine), False
        except EngineUnavailable as error:
            logger.warning("search engine unavailable, answering from the database: %s", error)
            if not isinstance(error, QueryRefused):
                _mark_down()
    return call(database), engine is not database


GENERATION_KEY = "search:generation"


def results_changed():
    """Called when index updates have landed: cached results are no longer looked up."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value retires the old keys
        cache.set(GENERATION_KEY, int(time.time() * 1000), timeout=None)


def _cache_key(query):
    generation = cache.get_or_set(GENERATION_KEY, 0, timeout=None)
    digest = hashlib.sha256(repr(query).encode()).hexdigest()
    return f"search:results:{generation}:{configured_engine().name}:{digest}"


def search(query):
    seconds = settings.SEARCH_CACHE_SECONDS
    key = _cache_key(query) if seconds else None
    results = cache.get(key) if key else None
    if results is not None:
        return results
    results, degraded = run(answer.answer, query)
    results.degraded = degraded
    if key and not degraded:  # database answers during an outage are not kept past it
        cache.set(key, results, seconds)
    return results


def autocomplete(text, language, limit=8):
    """Titles for what is being typed, from two letters on, or from one Chinese character: one
    Latin or Arabic letter begins too many words to suggest any, one Han character (护, "protect")
    is already most of a word."""
    if len(text) < 2 and not CJK.search(text):
        return []
    suggestions, _degraded = run("autocomplete", text, language, limit)
    return suggestions
