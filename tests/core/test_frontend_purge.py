"""A CDN purge that fails is retried by the scheduler until the proxy answers.

A real HTTP server on loopback stands for the caching proxy: first it answers 503 (its
purge endpoint is down), then 200; what it received is what a proxy would act on.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.frontend_cache import retry_purges
from core.models import PendingPurge

pytestmark = pytest.mark.django_db


class Proxy(ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), PurgeHandler)
        self.status = 503
        self.purged = []


class PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        if self.server.status == 200:
            self.server.purged.append(self.path)
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    server = Proxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.RetryingHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def test_a_purge_the_proxy_refused_is_retried_until_it_answers(
    proxy, guide, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    waiting = list(PendingPurge.objects.values_list("url", flat=True))
    assert any(guide.slug in url for url in waiting), waiting
    assert proxy.purged == []
    assert retry_purges() == len(waiting)  # still down: kept, attempts counted
    assert PendingPurge.objects.filter(attempts=2).count() == len(waiting)
    proxy.status = 200
    retry_purges()
    assert not PendingPurge.objects.exists()
    assert any(guide.slug in path for path in proxy.purged)


def test_a_purge_endpoint_that_does_not_listen_is_retried_too(
    settings, guide, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "core.frontend_cache.RetryingHTTPBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert PendingPurge.objects.filter(url__contains=guide.slug).exists()
