"""The one interface every engine implements, and the values it takes and returns."""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from html import escape

from django.conf import settings
from django.utils.safestring import mark_safe

from search.text import UNSPACED, folded

MAX_QUERY_LENGTH = 512
PER_PAGE = 10
# Highlight markers: private-use characters that never occur in text, replaced by
# <mark> only after the fragment has been HTML-escaped (so a snippet cannot inject markup).
MARK_START = "\ue000"
MARK_END = "\ue001"
# How much each kind weighs in relevance, beyond text match: guides answer questions,
# and so do partner organisations (who can help me: legal aid, shelter, a clinic);
# forum threads (the public answering each other) come after the official pages.
KIND_BOOSTS = {"guide": 1.5, "partner": 1.5, "regulation": 1.3, "event": 1.0, "thread": 0.6, "topic": 0.8}
# A kind the query names (search.segment.kinds_named): enough for an Indonesian form standing
# in for an untranslated one, which a Chinese query reaches through one translated word
# ("护照申请表"), to come before the Chinese guide holding every word (3 was not).
KIND_NAMED_WEIGHT = 5.0
# A document known whole by a name the query holds (search/segment.py named_whole): the
# office of the province typed, not the one whose city's name holds its letters.
WHOLE_NAME_WEIGHT = 2.0
# Autocomplete lists what people are most likely looking for first, whichever kind matches the
# letters best: the guides and the topics, then who and what they point to, and last the dated or
# secondary pages (typing "pas" lists the passport guides before a workshop or a form). Tiers of
# kinds, in order: guides and topics share the first, so that the topic named as typed ("Paspor")
# comes before a guide holding it in a later word (both engines' ``autocomplete``). An order, not
# weights: KIND_BOOSTS tunes relevance against text match, a suggestion list only needs order.
SUGGEST_KINDS = (
    ("guide", "topic"),
    ("partner",),
    ("regulation",),
    ("office",),
    ("form",),
    ("event",),
    ("thread",),
)
FALLBACK_LANGUAGE = "id"
PAST_EVENT_WEIGHT = 0.3  # events that have started rank below upcoming ones


def clean_query(text):
    """Bound and tidy what the reader typed; any text is a valid query. Compatibility forms
    and Traditional Chinese are read in the forms the pages are written in (search.text.folded):
    as typed they found nothing."""
    text = folded(text)
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


# What a snippet cut out of a longer text does not start with: spaces, and the punctuation
# closing what came before (", so" left of "…convention, so").
LEADING_LEFTOVERS = " \t\n,.;:!?)]}،؛。，、；：！？）」』"


def _in_word(character):
    return unicodedata.category(character)[0] in "LMN" and not UNSPACED.match(character)


def _inside_word(text, index):
    """Whether ``index`` falls between two letters (or digits, or marks) of one word."""
    return 0 < index < len(text) and _in_word(text[index - 1]) and _in_word(text[index])


def rarity(total, count):
    """How much a word or concept held by ``count`` of ``total`` entries tells (BM25's inverse
    document frequency: on every page it tells nothing, on no page the most). The database
    engine's ranking and search/coverage.py's measure both weigh by it."""
    return math.log(1 + (total - count + 0.5) / (count + 0.5))


def snippet_bounds(text, start, end):
    """``text[start:end]`` made to start and end with whole words: the start moves on to the
    next word, the end back to the end of the last whole one (Chinese and Japanese, written
    without spaces, are cut between any two characters). A word longer than the span is cut."""
    start, end = max(0, start), min(len(text), end)
    first, last = start, end
    while first < end and _inside_word(text, first):
        first += 1
    while last > first and _inside_word(text, last):
        last -= 1
    if last <= first:  # one word longer than the span
        return start, end
    while 0 < first < last and text[first] in LEADING_LEFTOVERS:
        first += 1
    while last > first and text[last - 1].isspace():
        last -= 1
    return first, last


def mark_snippet(fragment, prefix="", suffix=""):
    """Escape a highlighted fragment and turn the engine's markers into <mark> tags.

    The only markup in the result is what this function adds, so it is safe to
    render as HTML; ``prefix`` and ``suffix`` (ellipses) are escaped too.
    """
    marked = escape(prefix + fragment + suffix).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(marked)  # noqa: S308 - everything was escaped above


@dataclass(frozen=True)
class SearchQuery:
    text: str
    language: str
    kinds: tuple = ()
    topics: tuple = ()
    audiences: tuple = ()
    upcoming_only: bool = False
    page: int = 1
    per_page: int = PER_PAGE
    # Searched exactly as typed, never corrected (search/answer.py): the reader chose "search
    # instead for" the typed words after the results of their correction were shown.
    as_typed: bool = False

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class Hit:
    title: str
    url: str
    kind: str
    language: str  # the language the result is written in (may be the fallback)
    snippet: str = ""  # safe HTML with <mark>
    summary: str = ""
    topics: list = field(default_factory=list)
    updated: object = None
    title_language: str = ""  # the title's language when it is not ``language`` (a name)

    @property
    def title_lang(self):
        """The language to mark the title with."""
        return self.title_language or self.language


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list
    total: int
    facets: dict  # {"kind": [(value, count), ...], "topics": [...], "audience": [...]}
    # The query as corrected (search/answer.py), when these are its results instead of the
    # typed query's: "showing results for". An engine's own proposal until answer() decides.
    suggestion: str = ""
    engine: str = ""
    degraded: bool = False  # answered by the database because the engine was unreachable
    confidence: float = 1.0  # how much of the query the best results hold (search/answer.py)
    no_good_match: bool = False  # below the relevance floor: nothing answers the question

    @property
    def pages(self):
        return max(1, -(-self.total // self.query.per_page))


class EngineUnavailable(Exception):
    """The engine could not be reached or refused the request."""


class QueryRefused(EngineUnavailable):
    """The engine is up but refused this one query (more clauses than it allows): it is
    answered elsewhere this once, without taking the engine out of service for every reader."""


class SearchEngine:
    """Base class. ``documents`` are ``core.searchable.SearchDocument`` values."""

    name = "base"

    def index(self, documents):
        raise NotImplementedError

    def delete(self, source, object_id, version):
        raise NotImplementedError

    def search(self, query):
        raise NotImplementedError

    def autocomplete(self, text, language, limit=8):
        raise NotImplementedError

    def rebuild(self, documents):
        raise NotImplementedError

    def indexed_versions(self, language):
        """{doc_id: version} of everything in one language's index (for `search_index check`)."""
        raise NotImplementedError


def languages():
    return [code for code, _name in settings.LANGUAGES]
