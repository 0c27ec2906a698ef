"""Answering a search: the configured engine, or the database when the engine is down.

After a failure the remote engine is not asked again for ``RETRY_AFTER`` seconds,
so while it is down every reader gets database results at once instead of each
waiting for a timeout.
"""

import logging
import time

from search.engines import EngineUnavailable, configured_engine, database_engine

logger = logging.getLogger(__name__)
RETRY_AFTER = 30.0
_down_until = 0.0


def _remote_allowed():
    return time.monotonic() >= _down_until


def _mark_down():
    global _down_until
    _down_until = time.monotonic() + RETRY_AFTER


def reset():
    """Forget a recorded outage (used by tests and after an operator fixed the engine)."""
    global _down_until
    _down_until = 0.0


def run(method, *args, **kwargs):
    """Call ``method`` on the configured engine, falling back to the database engine.

    Returns (result, degraded): degraded is True when the database answered
    because the configured engine could not.
    """
    engine = configured_engine()
    database = database_engine()
    if engine is not database and _remote_allowed():
        try:
            return getattr(engine, method)(*args, **kwargs), False
        except EngineUnavailable as error:
            logger.warning("search engine unavailable, answering from the database: %s", error)
            _mark_down()
    return getattr(database, method)(*args, **kwargs), engine is not database


def search(query):
    results, degraded = run("search", query)
    results.degraded = degraded
    return results


def autocomplete(text, language, limit=8):
    suggestions, _degraded = run("autocomplete", text, language, limit)
    return suggestions
