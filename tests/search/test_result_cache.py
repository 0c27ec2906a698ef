"""Search results are cached (SEARCH_CACHE_SECONDS); an index update retires them at once,
and the search page itself is never cached whole, so each search is still recorded."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from core import searchable
from evaluation.models import SearchRecord
from search import service
from search.engines import configured_engine
from search.engines.base import SearchQuery

pytestmark = pytest.mark.django_db
UNREACHABLE = "http://127.0.0.1:9"  # discard port: nothing listens


@pytest.fixture
def result_cache(settings, empty_caches):
    settings.SEARCH_CACHE_SECONDS = 60


def test_the_same_search_is_answered_from_the_cache(indexed, result_cache, django_assert_num_queries):
    query = SearchQuery(text="visa kunjungan", language="en")
    first = service.search(query)
    assert first.total > 0
    with django_assert_num_queries(0):
        again = service.search(query)
    assert [hit.url for hit in again.hits] == [hit.url for hit in first.hits]
    # Another page, language or filter is another search.
    assert service.search(SearchQuery(text="visa kunjungan", language="id")).hits[0].language == "id"


def test_a_published_change_is_found_at_once(
    indexed, result_cache, guide, django_capture_on_commit_callbacks
):
    query = SearchQuery(text="visa", language="en")
    assert "Visitor visa, renewed" not in [hit.title for hit in service.search(query).hits]
    guide.title_en = "Visitor visa, renewed"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert "Visitor visa, renewed" in [hit.title for hit in service.search(query).hits]


def test_answers_from_the_fallback_are_not_kept(indexed, result_cache, settings):
    settings.SEARCH_URL = f"opensearch+{UNREACHABLE}"
    configured_engine.cache_clear()
    try:
        query = SearchQuery(text="passport", language="en")
        assert service.search(query).degraded
        assert service.search(query).degraded
        assert caches["default"].get(service._cache_key(query)) is None
    finally:
        configured_engine.cache_clear()


def test_each_view_of_the_search_page_is_recorded_under_the_page_cache(
    client, indexed, settings, empty_caches
):
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *django_settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    settings.CACHE_MIDDLEWARE_ALIAS = "pages"
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    for _ in range(2):
        response = client.get("/en/search/", {"q": "passport"})
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]
    searches = SearchRecord.objects.filter(query="passport")
    assert searches.count() == 2
    assert len(set(searches.values_list("search_id", flat=True))) == 2
    # Other pages are still cached whole.
    client.get("/en/")
    assert caches["pages"]._cache


def test_a_busy_forum_does_not_retire_cached_results(indexed, result_cache):
    from search import pipeline
    from search.service import GENERATION_KEY

    service.search(SearchQuery(text="visa", language="en"))
    generation = caches["default"].get(GENERATION_KEY)
    thread = searchable.sources()["forums.thread"].objects().first()
    pipeline.schedule("forums.thread", thread.pk)
    pipeline.process_pending()
    assert caches["default"].get(GENERATION_KEY) == generation
