"""What the search index holds: one document per object and language.

Search knows documents, not models. Each app turns its objects into
``SearchDocument`` values in its own ``<app>/search.py`` (see registry.py), so the
engines, the index definitions and the search page never import a feature app.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SearchDocument:
    source: str  # the registered source that made it, e.g. "cms.guide"
    object_id: str  # the object's key within its source
    language: str  # the language this document is written in
    kind: str  # guide, topic, regulation, form, partner, event, thread: a facet and a ranking signal
    title: str
    url: str
    summary: str = ""
    body: str = ""
    topics: list[str] = field(default_factory=list)  # topic slugs (facet)
    topic_titles: list[str] = field(default_factory=list)  # searchable topic names
    audience: list[str] = field(default_factory=list)  # audience codes (facet)
    # Names of what the page links to, as readers know them: library documents (form
    # number and title) and partner organisations. A reader searching "Perdim 11" wants
    # the guide that tells how to use that form too, though its text never names it.
    related: list[str] = field(default_factory=list)
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
