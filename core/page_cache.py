"""Empty the caches of anonymous pages whenever what readers see may have changed.

A published page shows up in menus, topic lists, the home page's latest updates
and the sitemap, so one change can alter many cached pages. Clearing the whole
local "pages" cache is coarse but always correct; it only costs a few re-renders.

A CDN or proxy in front (``WAGTAILFRONTENDCACHE``) is purged by URL instead,
through wagtail.contrib.frontend_cache's backends: the page (with its routable
sub-pages), its parents up to the home page (their lists show it), and for a
move the old address. Wagtail's own app is not installed because its handlers
cover only publish and unpublish of the page itself and queue a task even when
no CDN is configured. The purge runs as one background task, in every language
(``WAGTAILFRONTENDCACHE_LANGUAGES``); whatever else shows the page (search,
feeds) expires with its short max-age.

What stops being public (unpublished, deleted, given a view restriction with
everything below it) goes through core/withdrawal.py, which also deletes its
documents from search and its queued emails.

Pages also show objects that change without a publish: a guide's audiences, a glossary
term's definition, a document's title. Each app names such models with
``shown_on_pages(model)``; saving or deleting one empties the "pages" cache after the
commit, so whole pages and page fragments (cms/templatetags/page_fragments.py) show it.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.on_commit import on_commit_once
from core.withdrawal import purge_pages, withdraw


def purge_frontend(page, old_url_path=None):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).specific())
    if old_url_path:
        # Where a moved page was: the same paths under its former address.
        former = Page(pk=page.pk, url_path=old_url_path, depth=page.depth).get_full_url()
        if former:
            batch.add_urls(former + path.lstrip("/") for path in page.get_cached_paths())
    batch.purge()


def on_change(instance, **kwargs):
    purge_pages()
    purge_frontend(instance)


def on_unpublish(instance, **kwargs):
    withdraw(instance)
    purge_frontend(instance)


def on_move(instance, url_path_before, **kwargs):
    purge_pages()
    purge_frontend(instance.specific, old_url_path=url_path_before)


def on_delete(instance, **kwargs):
    withdraw(instance)
    purge_frontend(instance.specific)


def on_restriction_change(instance, **kwargs):
    """A view restriction added (or removed) changes who may read the page and all below it:
    added, it is a withdrawal of each; removed, the same refresh puts them back in search."""
    pages = Page.objects.descendant_of(instance.page, inclusive=True).specific(defer=True)
    withdraw(*pages)
    purge_frontend(instance.page.specific)


def on_shown_change(**kwargs):
    on_commit_once(purge_pages)


def shown_on_pages(model):
    """Empty the "pages" cache whenever an object of ``model``, which pages show, changes."""
    label = model._meta.label_lower
    post_save.connect(on_shown_change, sender=model, dispatch_uid=f"core.page_cache.shown.{label}.saved")
    post_delete.connect(on_shown_change, sender=model, dispatch_uid=f"core.page_cache.shown.{label}.deleted")


def connect():
    shown_on_pages(get_document_model())  # guides link documents by their title
    page_published.connect(on_change, dispatch_uid="core.page_cache.published")
    page_unpublished.connect(on_unpublish, dispatch_uid="core.page_cache.unpublished")
    post_page_move.connect(on_move, dispatch_uid="core.page_cache.moved")
    pre_delete.connect(on_delete, sender=Page, dispatch_uid="core.page_cache.deleted")
    post_save.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="core.page_cache.restricted"
    )
    post_delete.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="core.page_cache.unrestricted"
    )
