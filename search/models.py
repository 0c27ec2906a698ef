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

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, Page, PageViewRestriction, Site

from search.text import query_key  # also imported from here by migration 0009


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
    # The title as autocomplete compares it (search/suggest.py: Chinese in jieba's words), so
    # that a title in which the typed text starts a word is told in the query.
    suggest_words = models.TextField(blank=True, default="")

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


def terms_permission(code):
    """The codename of the permission to keep the glossary in one language ("keep_terms_zh_hans")."""
    return f"keep_terms_{code.replace('-', '_')}"


def kept_languages(user):
    """The languages whose terms and definitions ``user`` may change in the glossary (with the
    right to change concepts): those of their translator permissions, unless they may add
    concepts (the Editors) or hold none of them (every language, as before translators)."""
    codes = [code for code, _name in settings.LANGUAGES]
    if user.has_perm("search.add_concept"):
        return codes
    return [code for code in codes if user.has_perm(f"search.{terms_permission(code)}")] or codes


class Concept(ClusterableModel):
    """One idea of the glossary (KITAS, sponsor, overstay), named by its terms in each language.

    A query holding any of its terms, in any language, also searches its other terms in the
    reader's language and in Indonesian (search/glossary.py). ``includes`` makes a broader
    concept reach narrower ones (a search for "izin tinggal" reaches KITAS and KITAP); a cycle
    there, or an expansion into too many words, is refused when saved (glossary.validate).
    """

    key = models.SlugField(
        _("Key"), max_length=80, unique=True, help_text=_("A short name that never changes, for links.")
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
        # A translator keeps one language's terms and definition (search/glossary_admin.py):
        # given with "change concept" to the groups "Glossary translators (<language>)".
        # Named in English, as Django names its own permissions (stored, not translated).
        permissions = [
            (terms_permission(code), f"Can keep the glossary in {get_language_info(code)['name']}")
            for code, _name in settings.LANGUAGES
        ]

    def __str__(self):
        """Its ``label`` in the active language: how Wagtail names it in the admin (choosers,
        lists, messages) and the glossary's checks in their reasons, to an editor reading
        that language."""
        return self.label(get_language() or settings.LANGUAGE_CODE)

    def preferred(self, language):
        """The preferred term in ``language``, or in Indonesian when it has none there."""
        terms = {term.language: term.text for term in self.terms.all() if term.kind == Term.PREFERRED}
        return terms.get(language) or terms.get("id") or self.key

    def label(self, language):
        """The concept as an editor working in ``language`` chooses it: its preferred term there,
        with the Indonesian one beside it when they differ, isolated so that an Arabic label
        keeps its order around it."""
        label, indonesian = self.preferred(language), self.preferred("id")
        return label if label == indonesian else f"{label} (\u2068{indonesian}\u2069)"


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


def language_name(code):
    """A language's name in the language of the interface ("Arabic" in the English admin,
    "Arab" in the Indonesian one), from Django's own names; the code if Django has none."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


language_name_lazy = lazy(language_name, str)


def own_hosts():
    """The host names this site answers on: its Wagtail sites, its public and admin addresses
    and ``ALLOWED_HOSTS`` (".example.org" standing for the domain and its subdomains)."""
    names = {settings.SITE_BASE_URL, getattr(settings, "WAGTAILADMIN_BASE_URL", "")}
    hosts = {urlsplit(name).hostname for name in names if name}
    hosts.update(hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True))
    hosts.update(host.lower() for host in settings.ALLOWED_HOSTS if host != "*")
    return {host.strip("[]") for host in hosts if host}


def is_own_host(host):
    host = (host or "").lower().strip("[]")
    for own in own_hosts():
        if own.startswith("."):
            if host == own[1:] or host.endswith(own):
                return True
        elif host == own:
            return True
    return False


def address_error(url):
    """Why an address cannot be a best bet's target, or "" when it can: only a full web
    address (http or https) of another site. A page of this site is chosen as a page, so
    that unpublishing it or restricting its view withdraws the bet (an address would go on
    leading to a missing page)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.hostname and is_own_host(parts.hostname):
        return _CHOOSE_THE_PAGE
    if not parts.scheme and (url.startswith("/") or (parts.netloc and is_own_host(parts.hostname))):
        return _CHOOSE_THE_PAGE
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return _("Give a full web address of another site, beginning with https:// (or http://).")
    return ""


_CHOOSE_THE_PAGE = _(
    "This address is on this site: choose the page instead, so that the best bet is withdrawn "
    "when the page is unpublished or made private."
)


def is_shown_address(url):
    """Whether a stored address may be shown as a link: a web address (http or https) or a
    path on this site (bets saved before addresses were checked); never "javascript:" or
    other schemes, nor text that is no address."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme:
        return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    return url.startswith("/") and not url.startswith("//")


class BestBetQuerySet(models.QuerySet):
    def with_page_state(self):
        """Each bet with ``page_live`` and ``page_private`` (a view restriction on its page or
        on one of the page's ancestors), read in the same query: the admin list's status."""
        target = ExpressionWrapper(OuterRef("page__path"), output_field=models.CharField())
        restrictions = PageViewRestriction.objects.filter(StartsWith(target, F("page__path")))
        return self.annotate(page_live=F("page__live"), page_private=Exists(restrictions))


class BestBet(models.Model):
    """A result editors pin to the top for a query or a concept, in one language, for a time.

    It points at a page (shown while the page is live and public, with the page's own title
    and URL) or at another site's address with a title; at most ``MAX_PER_QUERY`` shown at
    once per query and language, each in its own position. The query is compared as search
    compares words (``query_key``).
    """

    MAX_PER_QUERY = 3
    LIVE, SCHEDULED, EXPIRED, UNPUBLISHED, PRIVATE, BAD_ADDRESS = (
        "live",
        "scheduled",
        "expired",
        "unpublished",
        "private",
        "bad-address",
    )
    STATUSES = {
        LIVE: _("Live"),
        SCHEDULED: _("Scheduled"),
        EXPIRED: _("Expired"),
        UNPUBLISHED: _("Withdrawn: the page is unpublished"),
        PRIVATE: _("Withdrawn: the page is private"),
        BAD_ADDRESS: _("Withdrawn: the address is not a web address"),
    }
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    query = models.CharField(
        _("query"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown for this query however it is typed: capitals, spacing and punctuation do not matter."
        ),
    )
    # The query as search compares it (query_key): what a reader's query is matched against.
    query_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
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
    url = models.CharField(
        _("address"),
        max_length=500,
        blank=True,
        help_text=_("Only for another site (https://…). For a page of this site, choose the page."),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=1, choices=[(1, "1"), (2, "2"), (3, "3")]
    )
    starts = models.DateTimeField(_("shown from"), null=True, blank=True)
    ends = models.DateTimeField(_("shown until"), null=True, blank=True)

    objects = BestBetQuerySet.as_manager()

    class Meta:
        verbose_name = _("best bet")
        verbose_name_plural = _("best bets")
        ordering = ["language", "query", "position"]

    def __str__(self):
        target = self.page.title if self.page_id else self.title
        return f"{self.language} · {self.query or self.concept} → {target}"

    def save(self, *args, **kwargs):
        self.query_key = query_key(self.query)
        super().save(*args, **kwargs)

    def status(self, now=None):
        """Whether the bet is shown now, and why not: ``STATUSES``' keys. Uses the
        annotations of ``with_page_state`` when the bet was read with them."""
        now = now or timezone.now()
        if self.ends and self.ends <= now:
            return self.EXPIRED
        if self.page_id:
            live = getattr(self, "page_live", None)
            private = getattr(self, "page_private", None)
            if live is None or private is None:
                live = Page.objects.filter(pk=self.page_id, live=True).exists()
                private = live and not Page.objects.filter(pk=self.page_id).public().exists()
            if not live:
                return self.UNPUBLISHED
            if private:
                return self.PRIVATE
        elif not is_shown_address(self.url):
            return self.BAD_ADDRESS
        if self.starts and self.starts > now:
            return self.SCHEDULED
        return self.LIVE

    def status_label(self):
        return self.STATUSES[self.status()]

    def clean(self):
        """Refuse what could not be shown, or not as the editor expects: no target or two, an
        address that is no web address or is on this site, an end already past or before the
        start, the same target twice for one query, two results in one position, or a fourth
        result shown at the same time as three others."""
        self.query = " ".join(self.query.split()).lower()
        self.query_key = query_key(self.query)
        self.url = self.url.strip()
        errors = {}
        if bool(self.query) == bool(self.concept_id):
            errors["query"] = _("Give a query or a concept (one of the two).")
        elif self.query and not self.query_key:
            errors["query"] = _("Give a query with at least one word or number.")
        if bool(self.page_id) == bool(self.url):
            errors["page"] = _("Choose a page or give an address (one of the two).")
        elif self.url and (problem := address_error(self.url)):
            errors["url"] = problem
        if self.url and not self.title.strip():
            errors["title"] = _("A result given by its address needs a title.")
        if self.starts and self.ends and self.ends <= self.starts:
            errors["ends"] = _("The end must come after the start.")
        elif self.ends and self.ends <= timezone.now():
            errors["ends"] = _("This date has passed: the best bet would never be shown.")
        if errors:
            raise ValidationError(errors)
        self._clean_against_others()

    def others(self):
        """The other bets for the same query (as compared) or concept, in the same language."""
        same = BestBet.objects.filter(language=self.language).exclude(pk=self.pk)
        if self.query_key:
            return same.filter(query_key=self.query_key)
        return same.filter(concept_id=self.concept_id)

    def overlaps(self, other):
        """Whether two bets' dates leave a moment when both could be shown."""
        return (other.starts is None or self.ends is None or other.starts < self.ends) and (
            self.starts is None or other.ends is None or self.starts < other.ends
        )

    def _clean_against_others(self):
        now = timezone.now()
        others = [
            other
            for other in self.others().filter(Q(ends__isnull=True) | Q(ends__gt=now)).select_related("page")
            if self.overlaps(other)
        ]
        for other in others:
            if (self.page_id and other.page_id == self.page_id) or (self.url and other.url == self.url):
                raise ValidationError(
                    {
                        "page" if self.page_id else "url": _(
                            "This result is already pinned to this query in this language "
                            "(best bet “%(other)s”)."
                        )
                        % {"other": other}
                    }
                )
        shown = (
            Page.objects.live().public().filter(pk__in=[other.page_id for other in others if other.page_id])
        )
        shown = set(shown.values_list("pk", flat=True))
        # Only bets that can be shown: a bet on an unpublished or private page is withdrawn.
        competing = [other for other in others if not other.page_id or other.page_id in shown]
        # The most bets shown at once while this one is: counted when it starts (or now) and
        # whenever another starts later.
        first = max(self.starts or now, now)
        moments = [first] + [other.starts for other in competing if other.starts and other.starts > first]
        busiest = max(
            (
                sum(1 for other in competing if _shown_at(other, moment))
                for moment in moments
                if _shown_at(self, moment)
            ),
            default=0,
        )
        if busiest >= self.MAX_PER_QUERY:
            raise ValidationError(
                _("At most %(count)d results can be pinned to one query in one language.")
                % {"count": self.MAX_PER_QUERY}
            )
        for other in competing:
            if other.position == self.position:
                raise ValidationError(
                    {
                        "position": _(
                            "Position %(position)d is already taken for this query in this language "
                            "(best bet “%(other)s”). Choose another position."
                        )
                        % {"position": self.position, "other": other}
                    }
                )


def _shown_at(bet, moment):
    return (bet.starts is None or bet.starts <= moment) and (bet.ends is None or moment < bet.ends)
