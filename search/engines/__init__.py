"""Engine selection from ``SEARCH_URL``.

* ``db`` (default): the embedded database engine.
* ``opensearch+http://host:9200``: OpenSearch 2/3 through opensearch-py.
* ``elasticsearch+http://host:9200``: Elasticsearch 8/9 through the elasticsearch client.

The database engine is always kept up to date as well, because search falls back
to it when the configured engine is unreachable.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import EngineUnavailable, QueryRefused, SearchQuery, SearchResults, clean_query
from .database import DatabaseEngine

__all__ = [
    "EngineUnavailable",
    "QueryRefused",
    "SearchQuery",
    "SearchResults",
    "clean_query",
    "configured_engine",
    "database_engine",
    "engine_from_url",
    "engines",
]


def engine_from_url(url, timeout=None):
    url = (url or "db").strip()
    if url == "db":
        return DatabaseEngine()
    scheme, _, address = url.partition("+")
    if scheme not in ("opensearch", "elasticsearch") or not address.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"SEARCH_URL must be 'db', 'opensearch+http://host:port' or "
            f"'elasticsearch+http://host:port', not {url!r}."
        )
    from .remote import RemoteEngine  # loads elasticsearch-dsl, which the database engine never needs

    return RemoteEngine(scheme, address, timeout=timeout or settings.SEARCH_TIMEOUT)


@cache
def database_engine():
    return DatabaseEngine()


@cache
def configured_engine():
    engine = engine_from_url(settings.SEARCH_URL)
    return database_engine() if isinstance(engine, DatabaseEngine) else engine


def engines():
    """Every engine that must receive index updates: the database one, and the remote one if any."""
    primary = configured_engine()
    database = database_engine()
    return [database] if primary is database else [database, primary]
