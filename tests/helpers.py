"""Small helpers shared by tests."""

from concurrent.futures import ThreadPoolExecutor

from django.core.cache import caches
from django.db import connections
from django.utils import translation
from django.utils.translation import gettext


def url_in(page, language):
    """The page's path in one language (the test client leaves the last language active)."""
    with translation.override(language):
        return page.get_url()


def assert_link_no_longer_works(response, language):
    """The one "This link no longer works" page (core/signed_links.py), status 400, in ``language``."""
    assert response.status_code == 400
    assert "core/link_error.html" in [template.name for template in response.templates]
    with translation.override(language):
        texts = [gettext("This link no longer works"), gettext("Nothing has been changed.")]
    if language != "en":
        assert texts != ["This link no longer works", "Nothing has been changed."]  # translated
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert all(text in html for text in texts)


def turn_page_caches_on(settings):
    """The whole-page cache on as docs/deployment.md recommends (PAGE_CACHE_SECONDS=300), and
    the search-result cache (the API's is on already): what a withdrawal must empty."""
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    settings.CACHE_MIDDLEWARE_ALIAS = "pages"
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    settings.CACHE_MIDDLEWARE_KEY_PREFIX = "page"
    settings.SEARCH_CACHE_SECONDS = 60


def use_redis_caches(settings, server):
    """Both caches in the real Redis server ``server``, as production has them with CACHE_URL
    (Django rebuilds its caches when this setting changes)."""
    if not server.running:
        server.start()
    settings.CACHES = {
        alias: {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": server.url, "KEY_PREFIX": alias}
        for alias in ("default", "pages")
    }


def in_thread(function, *args):
    """Run on a fresh connection in autocommit mode, outside the test's transaction."""

    def run():
        try:
            return function(*args)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def forget_page_fragments():
    """Drop the cached page fragments and forum sections, keeping the rest of the "pages" cache
    (site, menus, breadcrumbs): a page as first rendered after its publication."""
    cache = caches["pages"]
    for stored in list(cache._cache):  # LocMemCache's keys: "<prefix>:<version>:<key>"
        key = stored.split(":", 2)[2]
        if key.startswith(("fragment:", "guide-questions:")):
            cache.delete(key)
