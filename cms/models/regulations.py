"""Regulations: what is in force, what amended or revoked what, and when.

A regulation's status is not typed in by an editor: it follows from the typed
relations that newer regulations declare ("amends", "revokes", "implements").
A regulation revoked by a published regulation is revoked; one amended by a
published regulation is amended; otherwise it is in force. So the banner, the
filters and the chain shown both ways can never disagree.
"""

import html
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from cms.blocks import RICH_TEXT_FEATURES
from cms.feeds import RegulationAtomFeed, RegulationRssFeed
from cms.regulation_panels import CitingGuidesPanel

from .audiences import Audience
from .history import ChangeNoteBase, PublicHistoryMixin
from .pages import GuidePage, SectionPage, SinergiPage, TopicPage, readable

IN_FORCE, AMENDED, REVOKED = "in_force", "amended", "revoked"
STATUS_CHOICES = [(IN_FORCE, _("In force")), (AMENDED, _("Amended")), (REVOKED, _("Revoked"))]
TYPE_CHOICES = [
    ("law", _("Law")),
    ("government_regulation", _("Government regulation")),
    ("presidential_regulation", _("Presidential regulation")),
    ("ministerial_regulation", _("Ministerial regulation")),
    ("circular", _("Circular")),
]
PER_PAGE = 10


def with_status(queryset):
    """Annotate regulations with ``is_revoked`` and ``is_amended`` from live relations."""
    incoming = RegulationRelation.objects.filter(target=OuterRef("pk"), page__live=True)
    return queryset.annotate(
        is_revoked=Exists(incoming.filter(kind=RegulationRelation.REVOKES)),
        is_amended=Exists(incoming.filter(kind=RegulationRelation.AMENDS)),
    )


def filter_status(queryset, status):
    queryset = with_status(queryset)
    if status == REVOKED:
        return queryset.filter(is_revoked=True)
    if status == AMENDED:
        return queryset.filter(is_revoked=False, is_amended=True)
    if status == IN_FORCE:
        return queryset.filter(is_revoked=False, is_amended=False)
    return queryset


class RegulationIndexPage(RoutablePageMixin, SectionPage):
    """The list of regulations, newest first, with filters, pagination and feeds."""

    subpage_types = ["cms.RegulationPage"]

    class Meta:
        verbose_name = _("regulation list")

    def regulations(self):
        return with_status(
            RegulationPage.objects.child_of(self).live().public().prefetch_related("topics")
        ).order_by("-enacted", "-pk")

    def filtered(self, params):
        """Apply the listing's filters; unknown values are ignored rather than refused."""
        regulations = self.regulations()
        chosen = {}
        topic = params.get("topic", "")
        if topic and TopicPage.objects.filter(slug=topic).exists():
            regulations = regulations.filter(topics__slug=topic)
            chosen["topic"] = topic
        kind = params.get("type", "")
        if kind in dict(TYPE_CHOICES):
            regulations = regulations.filter(regulation_type=kind)
            chosen["type"] = kind
        status = params.get("status", "")
        if status in dict(STATUS_CHOICES):
            regulations = filter_status(regulations, status)
            chosen["status"] = status
        year = params.get("year", "")
        if re.fullmatch(r"[0-9]{4}", year):
            regulations = regulations.filter(year=int(year))
            chosen["year"] = year
        return regulations.distinct(), chosen

    @path("")
    def listing(self, request):
        regulations, chosen = self.filtered(request.GET)
        paginator = Paginator(regulations, PER_PAGE)
        try:
            number = int(request.GET.get("page", 1))
        except ValueError:
            number = 1
        try:
            page_of_results = paginator.page(number)
        except EmptyPage:
            page_of_results = paginator.page(paginator.num_pages if number > 1 else 1)
        context = self.get_context(request)
        context.update(
            page_of_results=page_of_results,
            chosen=chosen,
            topics=TopicPage.objects.live().public().order_by("path"),
            types=TYPE_CHOICES,
            statuses=STATUS_CHOICES,
            years=sorted(set(self.regulations().values_list("year", flat=True)), reverse=True),
            query_without_page=_without_page(request),
        )
        return TemplateResponse(request, "cms/regulation_index_page.html", context)

    @path("feed/rss/", name="feed_rss")
    @path("feed/<slug:topic>/rss/", name="topic_feed_rss")
    def rss_feed(self, request, topic=None):
        return RegulationRssFeed(self, self.feed_topic(topic))(request)

    @path("feed/atom/", name="feed_atom")
    @path("feed/<slug:topic>/atom/", name="topic_feed_atom")
    def atom_feed(self, request, topic=None):
        return RegulationAtomFeed(self, self.feed_topic(topic))(request)

    def feed_topic(self, slug):
        """The topic a feed is narrowed to (None for all); an unknown topic is a 404."""
        if slug is None:
            return None
        topic = TopicPage.objects.live().public().filter(slug=slug).first()
        if topic is None:
            raise Http404
        return topic

    def feed_items(self, topic):
        """The regulations a feed lists, with their status and change notes read in bulk."""
        regulations = with_status(
            RegulationPage.objects.child_of(self).live().public().prefetch_related("change_notes")
        )
        return regulations.filter(topics=topic) if topic else regulations


def _without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


class RegulationPage(PublicHistoryMixin, SinergiPage):
    regulation_type = models.CharField(
        _("type"),
        max_length=30,
        choices=TYPE_CHOICES,
        help_text=_(
            "The kind of instrument, as written in its title: Law (Undang-Undang), Government regulation …"
        ),
    )
    number = models.CharField(
        _("number"),
        max_length=30,
        help_text=_("The number only, as in its title: 6 for Law Number 6 of 2011."),
    )
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The year in its title, e.g. 2011."))
    authority = models.CharField(
        _("issuing authority"),
        max_length=200,
        help_text=_("Who signed it, e.g. the President or a ministry."),
    )
    enacted = models.DateField(_("date enacted"), help_text=_("The date it was signed (ditetapkan)."))
    in_force_from = models.DateField(
        _("date in force"),
        help_text=_("The date it takes effect (mulai berlaku); often the date it was announced."),
    )
    summary = models.TextField(_("plain-language summary"), max_length=500)
    affects = models.CharField(_("who it affects"), max_length=300, blank=True)
    body = RichTextField(_("what it means"), features=RICH_TEXT_FEATURES + ["h2", "h3"], blank=True)
    official_text = models.ForeignKey(
        "cms.LibraryDocument",
        verbose_name=_("official text"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField("cms.TopicPage", blank=True, verbose_name=_("topics"))
    audiences = ParentalManyToManyField(Audience, blank=True, verbose_name=_("audiences"))

    translation_fields = ("title", "search_description", "summary", "affects", "body", "authority")
    translation_required_fields = ("title", "summary")
    parent_page_types = ["cms.RegulationIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("regulation_type"), FieldPanel("number"), FieldPanel("year")]),
                FieldPanel("authority"),
                FieldRowPanel([FieldPanel("enacted"), FieldPanel("in_force_from")]),
            ],
            heading=_("Identification"),
        ),
        FieldPanel("summary"),
        FieldPanel("affects"),
        FieldPanel("body"),
        FieldPanel("official_text"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        InlinePanel("relations", label=_("Relation to another regulation")),
        CitingGuidesPanel(heading=_("Guides based on this regulation")),
        MultiFieldPanel(
            [InlinePanel("change_notes", label=_("Change note"))],
            heading=_("Public change notes"),
        ),
    ]

    class Meta:
        verbose_name = _("regulation")

    @property
    def citation(self):
        """The short form used in lists, e.g. "Law 6/2011"."""
        return f"{self.get_regulation_type_display()} {self.number}/{self.year}"

    def incoming(self):
        """Relations that live regulations declare towards this one, newest first."""
        return (
            RegulationRelation.objects.filter(target=self, page__live=True)
            .select_related("page")
            .order_by("-page__enacted")
        )

    def outgoing(self):
        return self.relations.filter(target__live=True).select_related("target")

    def status_from(self, incoming):
        kinds = {relation.kind for relation in incoming}
        if RegulationRelation.REVOKES in kinds:
            return REVOKED
        if RegulationRelation.AMENDS in kinds:
            return AMENDED
        return IN_FORCE

    @property
    def status(self):
        return self.status_from(self.incoming())

    def annotated_status_label(self):
        """The status's label for a regulation read through ``with_status`` (no query)."""
        status = REVOKED if self.is_revoked else AMENDED if self.is_amended else IN_FORCE
        return dict(STATUS_CHOICES)[status]

    def comparison_paragraphs(self):
        paragraphs = [self.summary, self.affects]
        for chunk in (self.body or "").replace("</li>", "</li>\n").split("</p>"):
            text = html.unescape(strip_tags(chunk)).strip()
            if text:
                paragraphs.extend(line.strip() for line in text.splitlines() if line.strip())
        return [paragraph for paragraph in paragraphs if paragraph]

    def explained_by(self):
        """The guides that say they rest on this regulation and readers may open, in tree order."""
        return readable(GuidePage.objects.filter(regulations=self)).order_by("path")

    def reader_facts(self):
        """What the page shows beside its own fields: its status with the regulations that
        changed it, its relations both ways, its topics and the guides that explain it. Called
        by the template inside the page's fragment (cms/templatetags/page_fragments.py), so
        these queries run once per publication, not on every view."""
        incoming = list(self.incoming())
        status = self.status_from(incoming)
        replaced_by = [
            relation.page.specific
            for relation in incoming
            if relation.kind
            == (RegulationRelation.REVOKES if status == REVOKED else RegulationRelation.AMENDS)
        ]
        return {
            "status": status,
            "status_label": dict(STATUS_CHOICES)[status],
            "replaced_by": replaced_by,
            "outgoing": [
                (relation.get_kind_display(), relation.target.specific) for relation in self.outgoing()
            ],
            "incoming": [(relation.inverse_label, relation.page.specific) for relation in incoming],
            "topic_list": list(self.topics.all()),
            "guide_list": list(self.explained_by()),
        }


class RegulationRelation(Orderable):
    """A typed link declared by the newer regulation: it amends, revokes or implements another."""

    AMENDS, REVOKES, IMPLEMENTS = "amends", "revokes", "implements"
    KIND_CHOICES = [(AMENDS, _("Amends")), (REVOKES, _("Revokes")), (IMPLEMENTS, _("Implements"))]
    INVERSE_LABELS = {AMENDS: _("Amended by"), REVOKES: _("Revoked by"), IMPLEMENTS: _("Implemented by")}

    page = ParentalKey(RegulationPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(
        _("relation"),
        max_length=20,
        choices=KIND_CHOICES,
        help_text=_("What this regulation does to the older one; the older one's status follows from it."),
    )
    target = models.ForeignKey(
        RegulationPage,
        verbose_name=_("regulation"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        help_text=_("The older regulation it amends, revokes or implements."),
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("relation")
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "target"], name="regulation_relation_unique"),
        ]

    @property
    def inverse_label(self):
        return self.INVERSE_LABELS[self.kind]

    def clean(self):
        if self.target_id and self.page_id and self.target_id == self.page_id:
            raise ValidationError({"target": _("A regulation cannot relate to itself.")})


class RegulationChangeNote(ChangeNoteBase):
    page = ParentalKey(RegulationPage, on_delete=models.CASCADE, related_name="change_notes")
