"""Page types of the editorial core: home, topics, guides and plain content pages.

The tree is Home -> Topic -> Guide, plus plain pages (about, accessibility,
privacy) under Home. Every text field a reader sees is translated with
modeltranslation (see ``cms/translation.py``); Indonesian is required, the other
languages fall back to it.
"""

from django import forms
from django.core.cache import caches
from django.db import models
from django.db.models import Exists, Max, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr, TruncDate
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction

from cms import routing
from cms.blocks import RICH_TEXT_FEATURES, GuideBodyBlock
from cms.translation_state import SOURCE_LANGUAGE, TranslatedPageMixin
from core.cache import kept_for
from core.main_tasks import main_tasks

from .audiences import Audience
from .history import ChangeNoteBase, PublicHistoryMixin

BREADCRUMB_SECONDS = 3600


def readable(queryset):
    """Live pages outside any private section, in one query.

    Wagtail's ``public()`` first reads every view restriction (a query of its own); here
    the restriction on an ancestor (a path prefix) is a subquery of the same query.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.live().exclude(Exists(restricted))


class SinergiPage(TranslatedPageMixin, Page):
    """Base of every public page: adds what a reader needs to know about language."""

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, as Wagtail's own method finds them
        (an alias has its source's), in one query instead of two: the ancestors' paths are the
        prefixes of this page's path, so they need not be fetched first."""
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        status = self.translation_status(language)
        context["translation"] = status
        context["source_url"] = translate_url(request.path, SOURCE_LANGUAGE)
        context["available_languages"] = self.available_languages()
        context["breadcrumbs"] = self.breadcrumbs()
        return context

    def breadcrumbs(self):
        """Ancestors from the home page down, without Wagtail's invisible root.

        The home page has none, so nothing is asked. Others' are kept in the "pages" cache
        under their parent's path (a section's pages share them), which every publish,
        unpublish, move, view restriction and withdrawal empties (core/page_cache.py): a
        renamed or moved ancestor shows on the next request.
        """
        if self.depth <= 2:
            return []
        key = f"breadcrumbs:{self.path[: -self.steplen]}"
        crumbs = caches["pages"].get(key)
        if crumbs is None:
            crumbs = list(self.get_ancestors().filter(depth__gt=1).specific(defer=True))
            caches["pages"].set(key, crumbs, kept_for(BREADCRUMB_SECONDS))
        return crumbs


class HomePage(SinergiPage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    translation_fields = ("title", "search_description", "intro")
    subpage_types = [
        "cms.TopicPage",
        "cms.StandardPage",
        "cms.RegulationIndexPage",
        "cms.PartnerIndexPage",
        "cms.FormsLibraryPage",
        "cms.OfficeIndexPage",
        "cms.SmartAnswerIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Every public address starts here: find its page in one query (cms/routing.py)."""
        if path_components:
            result = routing.route(self, request, path_components)
            if result is not None:
                return result
        return super().route(request, path_components)

    @classmethod
    def allow_section(cls, model_label):
        """Let a feature app put its section page under home (from its AppConfig.ready()),
        since the core may not name the feature apps' models."""
        if model_label not in cls.subpage_types:
            cls.subpage_types = [*cls.subpage_types, model_label]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = readable(TopicPage.objects.child_of(self))
        # Regulations, forms library, partner directory: sections that are not topics.
        # Plain pages suffice (title, URL, search description), saving a query per type.
        context["sections"] = readable(self.get_children()).not_type(TopicPage, StandardPage).order_by("path")
        context["latest_guides"] = GuidePage.latest_updates(limit=6)
        context["main_tasks"] = main_tasks  # called by the template, only when its fragment is not cached
        return context


class TopicPage(SinergiPage):
    intro = models.TextField(_("introduction"), blank=True)

    translation_fields = ("title", "search_description", "intro")
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("topic")

    def guides(self):
        return readable(GuidePage.objects.child_of(self)).order_by("path").prefetch_related("audiences")

    def smart_answers(self):
        """The smart answers that name this topic (``SmartAnswerPage.topics``), live and public."""
        return readable(self.smart_answer_pages.all()).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = self.guides()
        context["smart_answers"] = self.smart_answers()
        return context


class GuidePage(PublicHistoryMixin, SinergiPage):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two plain sentences: what this guide helps the reader do."),
    )
    audiences = ParentalManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    # The class, not an instance: built when first used, once every app's hooks are loaded
    # (other apps add blocks, cms/blocks.py).
    body = StreamField(GuideBodyBlock, verbose_name=_("body"), blank=True)
    regulations = ParentalManyToManyField(
        "cms.RegulationPage",
        blank=True,
        related_name="guides",
        verbose_name=_("based on these regulations"),
        help_text=_(
            "The regulations this guide explains. Readers see the published ones under the guide, "
            "and each regulation lists this guide."
        ),
    )

    translation_fields = ("title", "search_description", "summary", "body")
    translation_required_fields = ("title", "summary", "body")
    parent_page_types = ["cms.TopicPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("regulations", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [InlinePanel("change_notes", label=_("Change note"))],
            heading=_("Public change notes"),
        ),
    ]

    class Meta:
        verbose_name = _("guide")

    def based_on(self):
        """The regulations this guide rests on that readers may open, newest first.

        Read from the page's own (possibly unsaved, in a preview) choice, so one query.
        """
        chosen = self.regulations.all().values_list("pk", flat=True)
        model = self._meta.get_field("regulations").related_model
        return readable(model.objects.filter(pk__in=chosen)).order_by("-enacted", "-pk")

    @classmethod
    def latest_updates(cls, limit):
        """Newest first by the date readers are shown (``last_updated``: the newest public change
        note, else first publication), so an edit published without a note is not an update."""
        return (
            readable(cls.objects.all())
            .annotate(shown_date=Coalesce(Max("change_notes__date"), TruncDate("first_published_at")))
            .order_by("-shown_date", "-first_published_at")
            .prefetch_related("change_notes")[:limit]
        )

    def comparison_paragraphs(self):
        """The summary, then each body block's text (headings, steps, fees ... as plain text)."""
        paragraphs = [self.summary]
        for block in self.body:
            text = " ".join(str(part) for part in block.block.get_searchable_content(block.value))
            paragraphs.append(strip_tags(text))
        return [paragraph for paragraph in paragraphs if paragraph.strip()]


class GuideChangeNote(ChangeNoteBase):
    """A public note saying what changed in a guide and when (GOV.UK style)."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="change_notes")


class StandardPage(SinergiPage):
    """A plain page such as About, Accessibility statement or Privacy notice.

    Shown in the footer when "Show in menus" is ticked (topics go in the main menu).
    """

    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES + ["h2", "h3"])

    translation_fields = ("title", "search_description", "body")
    translation_required_fields = ("title", "body")
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


class SectionPage(SinergiPage):
    """A one-of-a-kind section under the home page (regulations, partners, forms library)."""

    intro = models.TextField(_("introduction"), blank=True)

    translation_fields = ("title", "search_description", "intro")
    parent_page_types = ["cms.HomePage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True
