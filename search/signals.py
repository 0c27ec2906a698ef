"""Page events that change what the index must hold, and glossary edits that change what a
query means."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.searchable import reindex_requested
from search import glossary, service
from search.models import Concept, Term
from search.pipeline import schedule_object


def _object_changed(instance, **kwargs):
    schedule_object(instance)


def _object_saved(instance, **kwargs):
    """Non-page objects (documents, ...) change when saved; pages only when published."""
    if not isinstance(instance, Page):
        _object_changed(instance)


def _page_moved(instance, **kwargs):
    """A move changes the URL of the page and of everything under it."""
    for page in Page.objects.descendant_of(instance, inclusive=True).specific(defer=True):
        schedule_object(page)


def _reindex_requested(sender, obj, **kwargs):
    schedule_object(obj)


def _glossary_changed(**kwargs):
    """Searches use the edited glossary from the next one on; cached results are retired."""
    glossary.changed()
    service.results_changed()


def connect():
    page_published.connect(_object_changed, dispatch_uid="search.published")
    page_unpublished.connect(_object_changed, dispatch_uid="search.unpublished")
    # Any model: schedule_object ignores models no source is registered for.
    post_delete.connect(_object_changed, dispatch_uid="search.deleted")
    post_page_move.connect(_page_moved, dispatch_uid="search.moved")
    post_save.connect(_object_saved, dispatch_uid="search.saved")
    reindex_requested.connect(_reindex_requested, dispatch_uid="search.requested")
    for model in (Concept, Term):
        post_save.connect(
            _glossary_changed, sender=model, dispatch_uid=f"search.glossary.saved.{model.__name__}"
        )
        post_delete.connect(
            _glossary_changed, sender=model, dispatch_uid=f"search.glossary.deleted.{model.__name__}"
        )
    m2m_changed.connect(
        _glossary_changed, sender=Concept.includes.through, dispatch_uid="search.glossary.includes"
    )
