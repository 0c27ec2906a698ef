"""What apps hand to search: documents, the sources that make them, and facet labels.

Search knows documents, not models. Each app turns its objects into
``SearchDocument`` values in its own ``<app>/search.py``::

    from core.searchable import SearchSource, register

    class GuideSource(SearchSource):
        name = "cms.guide"
        model = GuidePage
        ...

    register(GuideSource())

``search`` imports every installed app's ``search`` module at start-up
(``SearchConfig.ready``), so adding a searchable type never edits ``search/``, and
the contract lives here, in the platform layer, so that ``cms`` (which may import
only ``core``) can declare its pages without importing ``search``.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.dispatch import Signal


@dataclass(frozen=True)
class SearchDocument:
    source: str  # the registered source that made it, e.g. "cms.guide"
    object_id: str  # the object's key within its source
    language: str  # the language this document is written in
    kind: str  # guide, topic, regulation, form, partner, event, thread: a facet and a ranking signal
    title: str
    url: str
    # The title's language when it is not the document's (an organisation's Indonesian name
    # heading its Arabic description), so results mark it; empty: the document's own.
    title_language: str = ""
    summary: str = ""
    body: str = ""
    topics: list[str] = field(default_factory=list)  # topic slugs (facet)
    topic_titles: list[str] = field(default_factory=list)  # searchable topic names
    audience: list[str] = field(default_factory=list)  # audience codes (facet)
    # Names of what the page links to, as readers know them: library documents (form
    # number and title) and partner organisations. A reader searching "Perdim 11" wants
    # the guide that tells how to use that form too, though its text never names it.
    related: list[str] = field(default_factory=list)
    # Other names the object is known by, weighed as its title: an immigration office by
    # the city and province it serves, in every language (a reader types "Bali", in any
    # script, for the office named after Denpasar).
    names: list[str] = field(default_factory=list)
    # The places it serves or is held in (an office's city and province, also among its
    # names; the provinces of an event's sessions): a query naming one whole weighs it up
    # ("Bali" is the province of the office named after Denpasar; the letters of "Bali" in
    # Balikpapan, another city, are no such name).
    places: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    event_start: datetime | None = None
    # Languages the object exists in: an Indonesian document stands in for a
    # language only when the object has no document of its own there.
    available_languages: list[str] = field(default_factory=list)
    status: str = "published"
    boost: float = 1.0
    # Monotonic version (microseconds of the last change): an older update can
    # never overwrite a newer one, whatever order the updates arrive in.
    version: int = 0

    @property
    def doc_id(self):
        """The document's id inside one language's index."""
        return f"{self.source}:{self.object_id}"

    def to_index(self):
        data = asdict(self)
        data["suggest"] = self.title
        return data


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


_labellers = {}


def register_labeller(facet, labeller):
    """``labeller(values) -> {value: label}``, called in the reader's language, for a
    facet an app owns (topics, audiences). Values it does not know are left out: search
    ignores them as filters (search.labels.known) and shows them as they are."""
    _labellers[facet] = labeller


def labeller(facet):
    return _labellers.get(facet)


# Sent by an app whose object's documents must be refreshed though the object itself did
# not change (a topic lists its guides' titles; a form names the pages linking it). The
# search layer listens and queues the update; with no search layer nothing happens.
reindex_requested = Signal()


def request_reindex(obj):
    reindex_requested.send(sender=type(obj), obj=obj)
