"""Which Wagtail site a request is for, kept in the "pages" cache instead of asked of the
database on every request.

Wagtail finds the site with one query per request (the hostname and port against every
``Site``) and keeps the answer on the request only, then fetches its root page's specific
page, where routing starts, with another.
Sites change rarely (an operator adds a hostname), so the site, with its root page, is kept
in the "pages" cache, which is emptied when a ``Site`` is saved or deleted and by every
publish, unpublish, move and withdrawal (core/page_cache.py): a moved or retitled home page
is never served from here.
"""

from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Site

from core.cache import kept_for
from core.withdrawal import purge_pages

SECONDS = 3600


class SiteCacheMiddleware:
    """Hands Wagtail the cached site before the view runs; when none is cached, lets the request
    find it as usual and caches it afterwards (two queries, once an hour or after a publish).
    It never asks the database before the view: with the database down, the request goes on
    to its 503 page as before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            hostname = split_domain_port(request.get_host())[0]
        except DisallowedHost:
            return self.get_response(request)  # answered with a plain 400 further on
        key = f"wagtail-site:{hostname}:{request.get_port()}"
        site = caches["pages"].get(key)
        if site is not None:
            # Where Site.find_for_request keeps its answer for the rest of the request.
            request._wagtail_site = site
            return self.get_response(request)
        response = self.get_response(request)
        found = getattr(request, "_wagtail_site", None)
        if found is not None:
            self.keep(key, found.pk)
        return response

    @staticmethod
    def keep(key, pk):
        """Cache a fresh copy (not the request's objects, which carry what serving it computed),
        with the home page's specific page, where routing starts."""
        try:
            site = Site.objects.select_related("root_page").get(pk=pk)
            site.root_page.specific  # noqa: B018 - fetched now, so that it is cached with the site
        except (Site.DoesNotExist, DatabaseError):  # gone since: a later request tries again
            return
        caches["pages"].set(key, site, kept_for(SECONDS))


def on_site_change(**kwargs):
    purge_pages()


def connect():
    post_save.connect(on_site_change, sender=Site, dispatch_uid="core.site_cache.saved")
    post_delete.connect(on_site_change, sender=Site, dispatch_uid="core.site_cache.deleted")
