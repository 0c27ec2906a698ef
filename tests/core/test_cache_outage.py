"""A Redis outage costs speed, never pages: with a real redis-server as the shared cache
(what ``CACHE_URL`` configures), stopped and frozen mid-test.

Pages, the API and search answer 200 from the database while Redis is gone, and say
nothing about it; ``/healthz`` stays 200 and ``/readyz`` is 503 naming the cache, since
shared rate limits cannot hold; rate limits fall back to counts in each process
(docs/configuration.md); once Redis is back the site uses it again.
"""

import time

import pytest
from django.core.cache import caches
from django.test import Client

from search import pipeline
from search.engines import database_engine
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

PAGE = "/en/"
API = "/api/v1/guides/"
SEARCH = "/en/search/?q=visa"


@pytest.fixture
def shared_cache(redis_server, settings):
    """Both caches in the real Redis server, as production has them with CACHE_URL, and the
    page, API and search-results caches on; the server is running and empty at the start."""
    if not redis_server.running:
        redis_server.start()
    settings.CACHES = {  # Django rebuilds its caches when this setting changes
        alias: {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": alias,
        }
        for alias in ("default", "pages")
    }
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    settings.CACHE_MIDDLEWARE_ALIAS = "pages"
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    settings.CACHE_MIDDLEWARE_KEY_PREFIX = "page"
    settings.SEARCH_CACHE_SECONDS = 60
    caches["default"].clear()
    yield redis_server
    if not redis_server.running:
        redis_server.start()
    redis_server.thaw()
    caches["default"].ping()  # the next test finds the cache answering at once


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.fixture
def indexed(db):
    database_engine().rebuild(pipeline.all_documents())


def test_the_site_answers_while_redis_is_down_and_uses_it_again_once_back(
    shared_cache, visitor, guide, indexed, django_assert_num_queries
):
    guide_url = url_in(guide, "en")
    urls = [PAGE, guide_url, API, SEARCH]
    before = {url: visitor.get(url) for url in urls}
    assert all(response.status_code == 200 for response in before.values())
    held = shared_cache.held_keys()
    assert any(key.startswith("pages:") for key in held) and any("search:results" in key for key in held)

    shared_cache.stop()
    during = {url: visitor.get(url) for url in urls}
    for url, response in during.items():
        assert response.status_code == 200, url
    page = during[guide_url].content.decode()
    assert guide.title_en in page
    assert "Traceback" not in page and "Redis" not in page and "ConnectionError" not in page
    assert during[API].json()["results"] == before[API].json()["results"]
    assert "simplified mode" not in during[SEARCH].content.decode()
    assert guide.title_en in during[SEARCH].content.decode()
    assert visitor.get("/healthz").status_code == 200
    ready = visitor.get("/readyz")
    assert ready.status_code == 503, ready.content
    assert ready.json()["status"] == "not ready" and ready.json()["not_ready"] == ["cache"]
    assert "rate limits" in ready.json()["checks"]["cache"]

    shared_cache.start()
    ready = visitor.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"]["cache"] == "ok", ready.content
    visitor.get(guide_url)
    assert any(key.startswith("pages:") for key in shared_cache.held_keys())
    with django_assert_num_queries(0):  # served from Redis again
        assert visitor.get(guide_url).status_code == 200


def test_rate_limits_still_refuse_while_redis_is_down(shared_cache, visitor, limits):
    from cms.models import TopicPage

    topic = TopicPage.objects.first()
    limits("cms", FOLLOWS_PER_HOUR=5, API_RATE="3/minute")
    shared_cache.stop()

    def subscribe(number):
        data = {"topic": topic.slug, "email": f"p{number}@example.org", "language": "en"}
        return visitor.post("/en/follow/", data, REMOTE_ADDR="192.0.2.71").status_code

    assert [subscribe(n) for n in range(7)] == [200] * 5 + [429, 429]

    statuses = [
        visitor.get(f"{API}?page_size={size}", REMOTE_ADDR="192.0.2.72").status_code for size in (1, 2, 3, 4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_a_hung_redis_slows_no_request_for_long(shared_cache, visitor, guide):
    guide_url = url_in(guide, "en")
    assert visitor.get(guide_url).status_code == 200
    shared_cache.freeze()
    started = time.monotonic()
    answers = [visitor.get(guide_url).status_code for _ in range(5)]
    elapsed = time.monotonic() - started
    assert answers == [200] * 5
    assert elapsed < 3, f"five requests took {elapsed:.1f} s with Redis hung"
    assert visitor.get("/readyz").status_code == 503


def test_pages_published_during_an_outage_are_not_served_stale_afterwards(shared_cache, visitor, guide):
    guide_url = url_in(guide, "en")
    visitor.get(guide_url)
    shared_cache.freeze()  # the server keeps what it holds, as behind a network cut
    assert visitor.get(guide_url).status_code == 200  # finds the cache gone
    guide.title_en = "Visitor visa, revised"
    guide.save_revision().publish()  # cannot empty the page cache now
    assert "Visitor visa, revised" in visitor.get(guide_url).content.decode()
    shared_cache.thaw()
    assert visitor.get("/readyz").status_code == 200
    assert "Visitor visa, revised" in visitor.get(guide_url).content.decode()


def test_publishing_empties_the_page_cache_but_keeps_rate_limits(shared_cache, visitor, guide):
    from core import rate_limit

    assert not rate_limit.hit("test-scope", "192.0.2.80", 1, 60)
    visitor.get(url_in(guide, "en"))
    guide.save_revision().publish()
    held = shared_cache.held_keys()
    assert not any(key.startswith("pages:") for key in held)
    assert rate_limit.hit("test-scope", "192.0.2.80", 1, 60)


def test_an_outage_is_logged_when_it_starts_and_ends_not_on_every_call(shared_cache, visitor, guide, caplog):
    guide_url = url_in(guide, "en")
    shared_cache.stop()
    with caplog.at_level("WARNING", logger="core.cache"):
        for _ in range(3):
            visitor.get(guide_url)
        shared_cache.start()
        visitor.get("/readyz")
    assert [
        record.getMessage().split(" (")[0] for record in caplog.records if record.name == "core.cache"
    ] == [
        "cache server unreachable",
        "cache server answers again after 0 s",
    ]
