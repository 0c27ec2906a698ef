"""Registered sources of search documents, one per searchable type.

An app declares in its own ``search.py``::

    from search.registry import SearchSource, register

    class GuideSource(SearchSource):
        name = "cms.guide"
        model = GuidePage
        ...

    register(GuideSource())

``search`` imports every installed app's ``search`` module at start-up
(``SearchConfig.ready``), so adding a searchable type never edits ``search/``.
"""

from django.utils.module_loading import autodiscover_modules

_sources = {}


class SearchSource:
    """How one model's objects become documents. Subclasses set ``name`` and ``model``."""

    name = ""
    model = None
    # True for objects that change many times a minute (forum threads on a busy day):
    # their updates do not retire the cached search results (search/service.py), which
    # would otherwise never be reused; their results may be SEARCH_CACHE_SECONDS old.
    volatile = False

    def objects(self):
        """Every object that belongs in the index (published, public, not moderated out)."""
        raise NotImplementedError

    def documents(self, obj):
        """The documents for one object, one per language it exists in; [] when it must not be indexed."""
        raise NotImplementedError

    def object_id(self, obj):
        return str(obj.pk)

    def get(self, object_id):
        """The object for an id, or None when it is gone or no longer indexable."""
        return self.objects().filter(pk=object_id).first()

    def changed_since(self, moment):
        """Objects changed after ``moment`` (for the periodic catch-up of bulk changes)."""
        raise NotImplementedError


def register(source):
    if not source.name or source.model is None:
        raise ValueError("a search source needs a name and a model")
    _sources[source.name] = source
    return source


def sources():
    return dict(_sources)


def source_for_model(model):
    """The source registered for ``model`` or one of its parents (a page subclass)."""
    for source in _sources.values():
        if issubclass(model, source.model):
            return source
    return None


def autodiscover():
    autodiscover_modules("search")
