"""The anonymous page cache serves repeat requests and is emptied on publish."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


class PurgeRecorder(BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint: records the path and Host of each PURGE."""

    purged: list = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_endpoint(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()


def test_publishing_purges_the_page_and_its_parents_in_every_language_at_the_cdn(
    purge_endpoint, guide, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        guide.title_en = "Visitor visa, revised"
        guide.save_revision().publish()
    paths = {path for _host, path in purge_endpoint}
    topic = guide.get_parent()
    for language in ("id", "en", "ar", "zh-hans"):
        assert f"/{language}/{topic.slug}/{guide.slug}/" in paths
        assert f"/{language}/{topic.slug}/" in paths
        assert f"/{language}/" in paths
    assert {host for host, _path in purge_endpoint} == {"localhost"}


def test_moving_purges_the_old_address(purge_endpoint, guide, django_capture_on_commit_callbacks):
    from cms.models import TopicPage

    old_topic = guide.get_parent()
    new_topic = TopicPage.objects.exclude(pk=old_topic.pk).first()
    with django_capture_on_commit_callbacks(execute=True):
        guide.move(new_topic, pos="last-child")
    paths = {path for _host, path in purge_endpoint}
    assert f"/en/{old_topic.slug}/{guide.slug}/" in paths and f"/en/{new_topic.slug}/{guide.slug}/" in paths


def test_nothing_is_purged_when_no_cdn_is_configured(
    purge_endpoint, settings, guide, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert purge_endpoint == []
