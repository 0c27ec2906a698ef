"""The calendar page (a section under home) and event pages with their sessions."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from agenda import views
from agenda.choices import EVENT_LANGUAGES, KINDS
from cms.models import Audience, PartnerPage, TopicPage
from cms.models.pages import SectionPage, SinergiPage


class EventIndexPage(RoutablePageMixin, SectionPage):
    """The calendar: upcoming list, month view, past archive and iCalendar feeds."""

    subpage_types = ["agenda.EventPage"]

    class Meta:
        verbose_name = _("event calendar")

    @path("")
    def upcoming(self, request):
        return views.upcoming(request, self)

    @path("month/<int:year>/<int:month>/")
    def month(self, request, year, month):
        return views.month(request, self, year, month)

    @path("past/")
    def past(self, request):
        return views.past(request, self)


class EventPageForm(WagtailAdminPageForm):
    """Refuses to delete a session people registered for: cancel it instead, so they hear of it."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("sessions")
        if formset is not None:
            for form in formset.forms:
                session = form.instance
                if form in formset.deleted_forms and session.pk and session.registrations.exists():
                    form.add_error(
                        None,
                        _(
                            "People registered for this session. Set its status to “Cancelled” instead of deleting it."
                        ),
                    )
                    self.add_error(None, _("A session with registrations cannot be deleted."))
        return cleaned


class EventPage(RoutablePageMixin, SinergiPage):
    """One event: a single session, or a series of sessions each with its own seats."""

    summary = models.TextField(_("summary"), max_length=300, help_text=_("One or two plain sentences."))
    body = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default="seminar")
    topics = ParentalManyToManyField(TopicPage, blank=True, verbose_name=_("topics"))
    audiences = ParentalManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    languages = models.JSONField(_("languages spoken"), default=list)
    organiser = models.ForeignKey(
        PartnerPage,
        verbose_name=_("co-organised with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: organised by the immigration office alone."),
    )

    translation_fields = ("title", "search_description", "summary", "body")
    translation_required_fields = ("title", "summary")
    parent_page_types = ["agenda.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple(choices=EVENT_LANGUAGES)),
                FieldPanel("organiser"),
            ],
            heading=_("About the event"),
        ),
        InlinePanel("sessions", label=_("Session"), min_num=1),
    ]

    class Meta:
        verbose_name = _("event")

    def language_labels(self):
        names = dict(EVENT_LANGUAGES)
        return [names.get(code, code) for code in self.languages]

    def ordered_sessions(self):
        return self.sessions.order_by("start")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_context(request, self))
        return context

    @path("")
    def event(self, request):
        return self.render(request)

    @path("register/<int:session_id>/")
    def register(self, request, session_id):
        return views.register(request, self, session_id)
