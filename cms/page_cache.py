"""Empty the anonymous page cache whenever what readers see may have changed.

A published page shows up in menus, topic lists, the home page's latest updates
and the sitemap, so one change can alter many cached pages. Clearing the whole
"pages" cache is coarse but always correct; it only costs a few re-renders.
"""

from django.core.cache import caches
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move


def purge_pages(**kwargs):
    caches["pages"].clear()


def connect():
    page_published.connect(purge_pages, dispatch_uid="cms.page_cache.published")
    page_unpublished.connect(purge_pages, dispatch_uid="cms.page_cache.unpublished")
    post_page_move.connect(purge_pages, dispatch_uid="cms.page_cache.moved")
    post_delete.connect(purge_pages, sender=Page, dispatch_uid="cms.page_cache.deleted")
