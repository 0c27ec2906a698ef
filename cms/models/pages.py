"""Page types of the editorial core: home, topics, guides and plain content pages.

The tree is Home -> Topic -> Guide, plus plain pages (about, accessibility,
privacy) under Home. Every text field a reader sees is translated with
modeltranslation (see ``cms/translation.py``); Indonesian is required, the other
languages fall back to it.
"""

from django import forms
from django.db import models
from django.urls import translate_url
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from cms.blocks import RICH_TEXT_FEATURES, GuideBodyBlock
from cms.main_tasks import main_tasks
from cms.translation_state import SOURCE_LANGUAGE, TranslatedPageMixin

from .audiences import Audience


class SinergiPage(TranslatedPageMixin, Page):
    """Base of every public page: adds what a reader needs to know about language."""

    class Meta:
        abstract = True

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
        """Ancestors from the home page down, without Wagtail's invisible root."""
        return list(self.get_ancestors().filter(depth__gt=1).specific(defer=True))


class HomePage(SinergiPage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    translation_fields = ("title", "search_description", "intro")
    subpage_types = ["cms.TopicPage", "cms.StandardPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = TopicPage.objects.child_of(self).live().public()
        context["latest_guides"] = GuidePage.latest_updates(limit=6)
        context["main_tasks"] = main_tasks()
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
        return GuidePage.objects.child_of(self).live().public().order_by("path").prefetch_related("audiences")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = self.guides()
        return context


class GuidePage(SinergiPage):
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two plain sentences: what this guide helps the reader do."),
    )
    audiences = ParentalManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    body = StreamField(GuideBodyBlock(), verbose_name=_("body"), blank=True)

    translation_fields = ("title", "search_description", "summary", "body")
    translation_required_fields = ("title", "summary", "body")
    parent_page_types = ["cms.TopicPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("change_notes", label=_("Change note"))],
            heading=_("Public change notes"),
        ),
    ]

    class Meta:
        verbose_name = _("guide")

    @classmethod
    def latest_updates(cls, limit):
        return (
            cls.objects.live()
            .public()
            .order_by("-last_published_at")
            .prefetch_related("change_notes")[:limit]
        )

    @cached_property
    def sorted_change_notes(self):
        """Newest first; uses the prefetched notes when the caller prefetched them."""
        return sorted(self.change_notes.all(), key=lambda note: note.date, reverse=True)

    @property
    def last_updated(self):
        """The date readers are told: the newest public change note, else first publication."""
        notes = self.sorted_change_notes
        if notes:
            return notes[0].date
        published = self.first_published_at or timezone.now()
        return timezone.localdate(published)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["audience_list"] = list(self.audiences.all())
        context["change_notes"] = self.sorted_change_notes
        return context


class GuideChangeNote(Orderable):
    """A public note saying what changed in a guide and when (GOV.UK style)."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="change_notes")
    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.CharField(_("what changed"), max_length=500)

    panels = [FieldPanel("date"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("change note")


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
