"""A Redis outage costs speed, never pages: with a real redis-server as the shared cache
(what ``CACHE_URL`` configures), stopped and frozen mid-test.

Pages, the API and search answer 200 from the database while Redis is gone, and say
nothing about it; ``/healthz`` stays 200 and ``/readyz`` is 503 naming the cache, since
shared rate limits cannot hold; rate limits fall back to counts in each process
(docs/deployment.md, "When Redis is unreachable"); once Redis is back the site uses it again.
"""

import time

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from cms.models import TopicPage
from core import rate_limit
from tests.helpers import turn_page_caches_on, url_in, use_redis_caches

pytestmark = pytest.mark.django_db

PAGE = "/en/"
API = "/api/v1/guides/"
SEARCH = "/en/search/?q=visa"


@pytest.fixture
def redis_caches(redis_server, settings):
    """Both caches in the real Redis server, as production has them with CACHE_URL, and the
    page, API and search-results caches on; the server is running and empty at the start."""
    use_redis_caches(settings, redis_server)
    turn_page_caches_on(settings)
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield redis_server
    if not redis_server.running:
        redis_server.start()
    redis_server.thaw()
    caches["default"].ping()  # the next test finds the cache answering at once


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_the_site_answers_while_redis_is_down_and_uses_it_again_once_back(
    redis_caches, visitor, guide, django_assert_num_queries
):
    guide_url = url_in(guide, "en")
    urls = [PAGE, guide_url, API, SEARCH]
    before = {url: visitor.get(url) for url in urls}
    assert all(response.status_code == 200 for response in before.values())
    held = redis_caches.held_keys()
    assert any(key.startswith("pages:") for key in held) and any("search:results" in key for key in held)

    redis_caches.stop()
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

    redis_caches.start()
    ready = visitor.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"]["cache"] == "ok", ready.content
    visitor.get(guide_url)
    assert any(key.startswith("pages:") for key in redis_caches.held_keys())
    with django_assert_num_queries(0):  # served from Redis again
        assert visitor.get(guide_url).status_code == 200


def test_rate_limits_still_refuse_while_redis_is_down(redis_caches, visitor, limits):
    topic = TopicPage.objects.first()
    limits("cms", FOLLOWS_PER_HOUR=5, API_RATE="3/minute")
    redis_caches.stop()

    def subscribe(number):
        data = {"topic": topic.slug, "email": f"p{number}@example.org", "language": "en"}
        return visitor.post("/en/follow/", data, REMOTE_ADDR="192.0.2.71").status_code

    assert [subscribe(n) for n in range(7)] == [200] * 5 + [429, 429]

    statuses = [
        visitor.get(f"{API}?page_size={size}", REMOTE_ADDR="192.0.2.72").status_code for size in (1, 2, 3, 4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_sign_ins_are_still_limited_while_redis_is_down(redis_caches, make_user):
    make_user("petugas")
    redis_caches.stop()
    guesser = Client()

    def sign_in(password):
        data = {"username": "petugas", "password": password}
        guesser.post(reverse("wagtailadmin_login"), data, REMOTE_ADDR="192.0.2.73")
        return "_auth_user_id" in guesser.session

    assert not any(sign_in("wrong") for _ in range(10))
    assert not sign_in("pw-test-1234")  # locked out, in this process's own counts


def test_a_hung_redis_slows_no_request_for_long(redis_caches, visitor, guide):
    guide_url = url_in(guide, "en")
    assert visitor.get(guide_url).status_code == 200
    redis_caches.freeze()
    started = time.monotonic()
    answers = [visitor.get(guide_url).status_code for _ in range(5)]
    elapsed = time.monotonic() - started
    assert answers == [200] * 5
    assert elapsed < 3, f"five requests took {elapsed:.1f} s with Redis hung"
    assert visitor.get("/readyz").status_code == 503


def test_pages_published_during_an_outage_are_not_served_stale_afterwards(redis_caches, visitor, guide):
    guide_url = url_in(guide, "en")
    visitor.get(guide_url)
    redis_caches.freeze()  # the server keeps what it holds, as behind a network cut
    assert visitor.get(guide_url).status_code == 200  # finds the cache gone
    guide.title_en = "Visitor visa, revised"
    guide.save_revision().publish()  # cannot empty the page cache now
    assert "Visitor visa, revised" in visitor.get(guide_url).content.decode()
    redis_caches.thaw()
    assert visitor.get("/readyz").status_code == 200
    assert "Visitor visa, revised" in visitor.get(guide_url).content.decode()


def test_publishing_empties_the_page_cache_but_keeps_rate_limits(redis_caches, visitor, guide):
    assert not rate_limit.hit("test-scope", "192.0.2.80", 1, 60)
    visitor.get(url_in(guide, "en"))
    guide.save_revision().publish()
    held = redis_caches.held_keys()
    assert not any(key.startswith("pages:") for key in held)
    assert rate_limit.hit("test-scope", "192.0.2.80", 1, 60)


def test_an_outage_is_logged_when_it_starts_and_ends_not_on_every_call(redis_caches, visitor, guide, caplog):
    guide_url = url_in(guide, "en")
    redis_caches.stop()
    with caplog.at_level("WARNING", logger="core.cache"):
        for _ in range(3):
            visitor.get(guide_url)
        redis_caches.start()
        visitor.get("/readyz")
    messages = [record.getMessage() for record in caplog.records if record.name == "core.cache"]
    assert len(messages) == 2, messages
    assert messages[0].startswith("cache server unreachable (")
    assert messages[1].startswith("cache server answers again after")
