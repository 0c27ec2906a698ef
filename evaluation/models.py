"""What the public tells us: page ratings and event feedback; evaluation rounds.

No row holds personal data: comments are masked before storage (masking.py),
and a rating's ``visitor`` and ``network`` are keyed hashes that change every day, used
only to keep one rating per visitor, page and day and to spot bursts.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.models.pages import SectionPage, SinergiPage


def today():
    return timezone.localdate()


class PageRating(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    language = models.CharField(_("language"), max_length=10)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    visitor = models.CharField(max_length=32, editable=False)
    # A daily keyed hash of the network alone, and whether the rating came in a burst from
    # it (ratings.py): flagged ratings are shown to editors apart, never counted publicly.
    network = models.CharField(max_length=32, editable=False, blank=True, db_index=True)
    flagged = models.BooleanField(_("flagged as a burst"), default=False, editable=False)
    day = models.DateField(default=today, editable=False)
    created = models.DateTimeField(_("rated"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("page rating")
        verbose_name_plural = _("page ratings")
        constraints = [
            models.UniqueConstraint(fields=["page", "visitor", "day"], name="one_rating_per_visitor_day")
        ]
        indexes = [models.Index(fields=["page", "created"])]

    def __str__(self):
        return f"rating {self.pk}"


class EventFeedback(models.Model):
    """A registrant's answer to the survey sent after a session (one per registration)."""

    registration = models.OneToOneField(
        "agenda.Registration",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("registration"),
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    useful = models.TextField(_("what was useful"), blank=True, max_length=1000)
    improve = models.TextField(_("what to improve"), blank=True, max_length=1000)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event feedback")
        verbose_name_plural = _("event feedback")

    def __str__(self):
        return f"feedback {self.pk}"


class SurveyInvitation(models.Model):
    """That the survey was sent to a registration, so it is sent once."""

    registration = models.OneToOneField("agenda.Registration", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"survey for registration {self.registration_id}"


class EvaluationIndexPage(SectionPage):
    """The list of evaluation rounds (a section under home)."""

    subpage_types = ["evaluation.EvaluationRoundPage"]

    class Meta:
        verbose_name = _("evaluation rounds")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rounds"] = EvaluationRoundPage.objects.child_of(self).live().public().order_by("-period_end")
        return context


class EvaluationRoundPage(SinergiPage):
    """What the office found in a period, and what it will do; open for public comment."""

    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    findings = RichTextField(_("what we found"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    actions = RichTextField(_("what we will do"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    discussion_url = models.URLField(
        _("public discussion"),
        blank=True,
        help_text=_("The forum thread where people comment on this round."),
    )

    translation_fields = ("title", "search_description", "findings", "actions")
    translation_required_fields = ("title", "findings", "actions")
    parent_page_types = ["evaluation.EvaluationIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("period_start"),
        FieldPanel("period_end"),
        FieldPanel("findings"),
        FieldPanel("actions"),
        FieldPanel("discussion_url"),
    ]

    class Meta:
        verbose_name = _("evaluation round")


class SearchRecord(models.Model):
    """One search (its first page) and whether a result was opened: for "what people could
    not find". The query is masked like comments and shown to editors only when at least
    a few different people searched for it in the same week and language."""

    search_id = models.CharField(max_length=32, unique=True)
    # Who searched, as a keyed hash salted with the week (search_log.client_key): counts
    # people, not searches, and cannot follow anyone from one week to the next.
    client = models.CharField(max_length=32, blank=True, editable=False)
    query = models.CharField(max_length=200)
    language = models.CharField(max_length=10)
    results = models.PositiveIntegerField()
    clicked = models.BooleanField(default=False)
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["language", "created"])]

    def __str__(self):
        return f"search {self.pk}"


class FlowStep(models.Model):
    """How many times readers of a smart answer went from one step to the next on a day.

    A counter, not a record of anyone: no answer, address, session, browser or user is
    kept, only the two step keys the flow itself defines (evaluation/flow_counts.py). So
    these rows hold no personal data and need no retention period; deleting the page
    deletes its counts. ``from_step`` is "" for arrivals at the first question (a start).
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    day = models.DateField(_("day"), default=today)
    from_step = models.CharField(_("from step"), max_length=100, blank=True)
    to_step = models.CharField(_("to step"), max_length=100)
    # Whether ``to_step`` was an outcome when it was last reached; the flow may change later.
    outcome = models.BooleanField(_("outcome"), default=False)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("smart answer step count")
        verbose_name_plural = _("smart answer step counts")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "day", "from_step", "to_step"], name="one_count_per_flow_step_day"
            )
        ]

    def __str__(self):
        return f"{self.from_step or '(start)'} → {self.to_step}: {self.count}"
