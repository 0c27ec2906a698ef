"""One path for whatever stops being public.

A forum post hidden, rejected or hidden by reports, a member banned, a thread merged, a
page unpublished, moved under a private section or given a view restriction, a record
deleted or scrubbed: each copy of it that readers could reach must go at once, not when a
cache expires. Whatever makes something non-public calls ``withdraw`` in the transaction
that changes it. After the commit:

1. the search pipeline recomputes the objects' documents (``request_reindex``); a
   non-public object has none, so its documents are deleted, and the landed update
   retires cached search results (search/service.py's generation). With the immediate
   task backend this happens in the same request; with a worker, as soon as it runs.
2. the "pages" cache is emptied: whole anonymous pages (``PAGE_CACHE_SECONDS``) and the
   API's cached answers live there, and any of them can list or quote the object; and
   ``withdrawn`` is sent, on which search retires its cached results (a forum thread's
   update alone does not, search/withdrawal.py).
3. a CDN or proxy in front (``WAGTAILFRONTENDCACHE``) is asked to purge the given URLs.
4. queued emails about the objects are deleted, and ``send_pending`` asks ``still_public``
   again before it sends each message, so one queued later by a worker still in flight
   is dropped too.

An email is "about" an object through its ``subject_key``, ``"<app>.<model>:<pk>"``
(``subject_key(obj)``). A model says whether an object may still be mailed about with a
``still_public()`` method; pages are public when live and without view restrictions.
Objects of models without the method (a complaint mailed to the person who filed it)
are always sent: their emails are private to begin with.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.dispatch import Signal
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from core.models import OutgoingEmail
from core.on_commit import on_commit_once
from core.searchable import request_reindex

logger = logging.getLogger(__name__)

# Sent after the commit of a withdrawal; ``keys``: the subject keys of what was withdrawn.
withdrawn = Signal()


def subject_key(obj):
    """What an email about ``obj`` records as its subject: ``"forums.post:42"``. A page is
    named by its base model, so the key is the same whatever its type."""
    label = Page._meta.label_lower if isinstance(obj, Page) else obj._meta.label_lower
    return f"{label}:{obj.pk}"


def _page_is_public(page):
    return page.live and not page.get_view_restrictions().exists()


def still_public(key):
    """May an email about ``key`` still be sent? False when its object is gone or withdrawn."""
    if not key:
        return True
    label, _colon, pk = key.partition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return True
    is_page = issubclass(model, Page)
    if not is_page and not hasattr(model, "still_public"):
        return True
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        return False
    return _page_is_public(obj) if is_page else obj.still_public()


def purge_pages():
    """Empty the cache of anonymous pages and API answers (both live in "pages")."""
    caches["pages"].clear()


def purge_urls(urls):
    """Ask the CDN or proxy in front, if any, to drop these absolute URLs."""
    if settings.WAGTAILFRONTENDCACHE and urls:
        batch = PurgeBatch()
        batch.add_urls(urls)
        batch.purge()


def withdraw(*objects, urls=()):
    """Take ``objects`` out of every channel readers reach; call it in the changing transaction."""
    keys = [subject_key(obj) for obj in objects]
    deleted = OutgoingEmail.objects.filter(sent_at__isnull=True, subject_key__in=keys).delete()[0]
    if deleted:
        logger.info("withdrawal: %s queued emails about %s deleted", deleted, ", ".join(keys))
    for obj in objects:
        request_reindex(obj)
    on_commit_once(purge_pages)
    on_commit_once(lambda: withdrawn.send(sender=None, keys=keys))
    if urls:
        urls = list(urls)
        on_commit_once(lambda: purge_urls(urls))
