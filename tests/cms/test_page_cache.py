"""The anonymous page cache serves repeat requests and is emptied on publish."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.helpers import url_in

pytestmark = pytest.mark.django_db

CACHED = {
    "CACHE_MIDDLEWARE_ALIAS": "pages",
    "CACHE_MIDDLEWARE_SECONDS": 300,
    "CACHE_MIDDLEWARE_KEY_PREFIX": "page",
}


@pytest.fixture
def cached_client(client, settings):
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    caches["pages"].clear()
    yield client
    caches["pages"].clear()


@override_settings(**CACHED)
def test_second_request_is_served_from_cache(cached_client, guide, django_assert_num_queries):
    url = url_in(guide, "en")
    first = cached_client.get(url)
    with django_assert_num_queries(0):
        second = cached_client.get(url)
    assert second.content == first.content


@override_settings(**CACHED)
def test_languages_are_cached_separately(cached_client, guide):
    english = cached_client.get(url_in(guide, "en")).content.decode()
    arabic = cached_client.get(url_in(guide, "ar")).content.decode()
    assert 'lang="en"' in english and 'lang="ar"' in arabic


@override_settings(**CACHED)
def test_publishing_purges_the_cache(cached_client, guide):
    url = url_in(guide, "en")
    cached_client.get(url)
    guide.title_en = "Visitor visa, revised"
    guide.save_revision().publish()
    assert "Visitor visa, revised" in cached_client.get(url).content.decode()
