"""Search's own tables: the embedded database index, the queue of index updates, the
glossary editors keep (``Concept`` and its ``Term`` rows) and their best bets.

``SearchEntry`` is the database engine's index. It is kept up to date whichever
engine is configured, so that search can answer from it when Elasticsearch or
OpenSearch is unreachable.

``PendingUpdate`` is an outbox: a publish, unpublish, move or delete writes a row
in the same transaction as the change, so the update cannot be lost; the row is
removed only once every engine has applied it. Failed rows are retried once their
``retry_after`` has passed (the periodic retry job, ``search_index process``, or the
next change's task), with a back-off that doubles up to a minute.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable


class SearchEntry(models.Model):
    source = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=500)
    title_language = models.CharField(max_length=10, blank=True)  # see core.searchable.SearchDocument
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    topics = models.JSONField(default=list)
    topic_titles = models.JSONField(default=list)
    # SearchDocument.names as search_text writes words: weighed as the title.
    names_words = models.TextField(blank=True, default="")
    # SearchDocument.places, each whole (search.text.names_text): a place typed whole.
    place_names = models.TextField(blank=True, default="")
    audience = models.JSONField(default=list)
    # ",id,en," : languages the object exists in, as text so that "not translated
    # into X" is a plain LIKE on every database (SQLite has no JSON containment).
    available_languages = models.CharField(max_length=100, blank=True)
    url = models.CharField(max_length=500)
    published = models.DateTimeField(null=True)
    updated = models.DateTimeField(null=True)
    event_start = models.DateTimeField(null=True)
    status = models.CharField(max_length=20, default="published")
    boost = models.FloatField(default=1.0)
    version = models.BigIntegerField(default=0)
    # Lower-cased title, summary, body and topics: what the database engine matches against.
    search_text = models.TextField(blank=True)
    # The title's and summary's words as search_text has them (search/text.py ``phrase``), so
    # that ranking does not cut them into words again for every candidate of every search.
    title_words = models.TextField(blank=True)
    summary_words = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id", "language"], name="search_entry_unique")
        ]
        indexes = [
            models.Index(fields=["language", "kind"]),
            # Which entries a reader's search covers (search/engines/database.py ``_base``: the
            # reader's language, and Indonesian ones not translated into it), read from the
            # index alone.
            models.Index(fields=["language", "available_languages"], name="search_entry_coverage"),
            # The entries of the results shown, found again by address (search/answer.py).
            models.Index(fields=["url"], name="search_entry_url"),
        ]

    def __str__(self):
        return f"{self.language} {self.source}:{self.object_id} {self.title}"


class PendingUpdate(models.Model):
    source = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    retry_after = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["source", "object_id"]), models.Index(fields=["retry_after"])]

    def __str__(self):
        return f"{self.source}:{self.object_id} ({self.attempts} attempts)"


class Concept(ClusterableModel):
    """One idea of the glossary (KITAS, sponsor, overstay), named by its terms in each language.

    A query holding any of its terms, in any language, also searches its other terms in the
    reader's language and in Indonesian (search/glossary.py). ``includes`` makes a broader
    concept reach narrower ones (a search for "izin tinggal" reaches KITAS and KITAP); a cycle
    there, or an expansion into too many words, is refused when saved (glossary.validate).
    """

    key = models.SlugField(
        max_length=80, unique=True, help_text=_("A short name that never changes, for links.")
    )
    definition = models.TextField(_("short definition"), blank=True)
    includes = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="included_by",
        verbose_name=_("includes"),
        help_text=_("Narrower concepts that a search for this one also finds."),
    )
    see_also = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="+", verbose_name=_("see also")
    )

    class Meta:
        verbose_name = _("glossary concept")
        verbose_name_plural = _("glossary concepts")
        ordering = ["key"]

    def __str__(self):
        preferred = next((term.text for term in self.terms.all() if term.kind == Term.PREFERRED), "")
        return preferred or self.key

    def preferred(self, language):
        """The preferred term in ``language``, or in Indonesian when it has none there."""
        terms = {term.language: term.text for term in self.terms.all() if term.kind == Term.PREFERRED}
        return terms.get(language) or terms.get("id") or self.key


class Term(Orderable):
    PREFERRED = "preferred"
    KINDS = [
        (PREFERRED, _("preferred term")),
        ("variant", _("variant")),
        ("acronym", _("acronym")),
        ("expansion", _("expansion of an acronym")),
        ("everyday", _("everyday word")),
        ("misspelling", _("common misspelling")),
    ]
    concept = ParentalKey(Concept, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    text = models.CharField(_("term"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default="variant")

    class Meta(Orderable.Meta):
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self):
        return f"{self.language}: {self.text}"


class BestBet(models.Model):
    """A result editors pin to the top for a query or a concept, in one language, for a time.

    It points at a page (shown while the page is live and public, with the page's own title
    and URL) or at a URL with a title; at most ``MAX_PER_QUERY`` per query and language.
    """

    MAX_PER_QUERY = 3
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    query = models.CharField(
        _("query"), max_length=200, blank=True, help_text=_("Shown for this exact query (any case).")
    )
    concept = models.ForeignKey(
        Concept,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="best_bets",
        verbose_name=_("concept"),
        help_text=_("Or: shown for any query holding a term of this concept."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    url = models.CharField(_("address"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=1, choices=[(1, "1"), (2, "2"), (3, "3")]
    )
    starts = models.DateTimeField(_("shown from"), null=True, blank=True)
    ends = models.DateTimeField(_("shown until"), null=True, blank=True)

    class Meta:
        verbose_name = _("best bet")
        verbose_name_plural = _("best bets")
        ordering = ["language", "query", "position"]

    def __str__(self):
        target = self.page.title if self.page_id else self.title
        return f"{self.language} · {self.query or self.concept} → {target}"

    def clean(self):
        """Refuse what could not be shown: no target, two targets, a fourth pinned result."""
        self.query = " ".join(self.query.split()).lower()
        errors = {}
        if bool(self.query) == bool(self.concept_id):
            errors["query"] = _("Give a query or a concept (one of the two).")
        if bool(self.page_id) == bool(self.url.strip()):
            errors["page"] = _("Choose a page or give an address (one of the two).")
        if self.url.strip() and not self.title.strip():
            errors["title"] = _("A result given by its address needs a title.")
        if self.starts and self.ends and self.ends <= self.starts:
            errors["ends"] = _("The end must come after the start.")
        if errors:
            raise ValidationError(errors)
        same = BestBet.objects.filter(language=self.language).exclude(pk=self.pk)
        same = same.filter(query=self.query) if self.query else same.filter(concept_id=self.concept_id)
        current = same.filter(Q(ends__isnull=True) | Q(ends__gt=timezone.now()))
        if current.count() >= self.MAX_PER_QUERY:
            raise ValidationError(
                _("At most %(count)d results can be pinned to one query in one language.")
                % {"count": self.MAX_PER_QUERY}
            )
