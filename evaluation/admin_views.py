"""Editors' views: which pages people found helpful, what they wrote, how events went, where
readers of smart answers stop."""

from datetime import timedelta

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncWeek
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.models import Page

from cms.models import SmartAnswerPage
from core.permissions import PageEditorRequired
from evaluation import conf, flow_counts, periods, search_log
from evaluation.models import EventFeedback, PageRating
from search import term_admin
from search.models import language_name


class HelpfulnessView(PageEditorRequired, TemplateView):
    """Pages by share of "yes" over the last ``HELPFULNESS_DAYS``, least helpful first."""

    template_name = "evaluation/admin/helpfulness.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = conf.get("HELPFULNESS_DAYS")
        since = timezone.now() - timedelta(days=days)
        rows = list(
            PageRating.objects.filter(created__gte=since)
            .values("page_id")
            .annotate(
                total=Count("id", filter=Q(flagged=False)),
                yes=Count("id", filter=Q(helpful=True, flagged=False)),
                flagged=Count("id", filter=Q(flagged=True)),
                comments=Count("id", filter=~Q(comment="")),
            )
            .order_by()
        )
        pages = Page.objects.in_bulk([row["page_id"] for row in rows])
        for row in rows:
            row["page"] = pages.get(row["page_id"])
            # Bursts (ratings.py) are shown apart and not in the share.
            row["percent"] = round(100 * row["yes"] / row["total"]) if row["total"] else None
        rows.sort(key=lambda row: (row["percent"] is None, row["percent"] or 0, -row["total"]))
        context.update(page_title=_("Page helpfulness"), header_icon="help", rows=rows, days=days)
        return context


class PageHelpfulnessView(PageEditorRequired, TemplateView):
    """One page: helpfulness week by week and the (masked) comments."""

    template_name = "evaluation/admin/page_helpfulness.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = get_object_or_404(Page, pk=kwargs["page_id"])
        ratings = PageRating.objects.filter(page=page)
        weeks = (
            ratings.filter(created__gte=timezone.now() - timedelta(weeks=26))
            .annotate(week=TruncWeek("created"))
            .values("week")
            .annotate(total=Count("id"), yes=Count("id", filter=Q(helpful=True)))
            .order_by("week")
        )
        for week in weeks:
            week["percent"] = round(100 * week["yes"] / week["total"])
        context.update(
            page_title=_("Helpfulness: %(title)s") % {"title": page.title},
            header_icon="help",
            page=page,
            weeks=weeks,
            comments=ratings.exclude(comment="").order_by("-created")[:100],
        )
        return context


class EventFeedbackView(PageEditorRequired, TemplateView):
    """Survey results per event and per organiser (aggregates and the masked comments)."""

    template_name = "evaluation/admin/event_feedback.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        answers = EventFeedback.objects.select_related("registration__session__page")
        per_event = (
            answers.values("registration__session__page_id", "registration__session__page__title")
            .annotate(answers=Count("id"), average=Avg("satisfaction"))
            .order_by("-answers")
        )
        per_organiser = (
            answers.values("registration__session__page__organiser__title")
            .annotate(answers=Count("id"), average=Avg("satisfaction"))
            .order_by("-answers")
        )
        context.update(
            page_title=_("Event feedback"),
            header_icon="date",
            per_event=per_event,
            per_organiser=per_organiser,
            comments=answers.exclude(useful="", improve="").order_by("-created")[:100],
        )
        return context


class NotFoundView(PageEditorRequired, TemplateView):
    """What people could not find, per week and language (only queries several people made),
    each with the one-step fixes the editor may make: pin a best bet to the query, or add it
    to the glossary as a term of a concept (search/term_admin.py)."""

    template_name = "evaluation/admin/not_found.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        best_bets, terms = term_admin.can_add_best_bet(user), term_admin.can_add_term(user)
        rows = search_log.not_found()
        for row in rows:
            row["language_name"] = language_name(row["language"])
            if best_bets:
                row["best_bet_url"] = term_admin.best_bet_url(
                    row["language"], row["query"], self.request.path
                )
            if terms:
                row["term_url"] = term_admin.term_url(row["language"], row["query"], self.request.path)
        context.update(
            page_title=_("What people could not find"),
            header_icon="search",
            rows=rows,
            actions=best_bets or terms,
            minimum=conf.get("NOT_FOUND_MINIMUM_PEOPLE"),
        )
        return context


REPORT_PERIOD = "30d"


def report_period(request):
    """The period chosen in the report's form (the dashboard's choices), the last 30 days by
    default or when the address names one we do not offer."""
    return periods.resolve(request.GET.get("period", REPORT_PERIOD)) or periods.resolve(REPORT_PERIOD)


def period_context(request):
    period = report_period(request)
    return period, {"period": period, "period_choices": periods.choices()}


class SmartAnswersView(PageEditorRequired, TemplateView):
    """Each smart answer with its starts, outcomes reached and completion in a period."""

    template_name = "evaluation/admin/smart_answers.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period, shown = period_context(self.request)
        pages = list(flow_counts.smart_answer_pages())
        counted = flow_counts.totals(period.start.date(), period.end.date(), pages)
        rows = []
        for page in pages:
            starts, outcomes = counted.get(page.pk, (0, 0))
            rows.append(
                {
                    "page": page,
                    "starts": starts,
                    "outcomes": outcomes,
                    "percent": round(100 * outcomes / starts) if starts else None,
                }
            )
        context.update(
            shown, page_title=_("Smart answers: where readers stop"), header_icon="list-ol", rows=rows
        )
        return context


class SmartAnswerStepsView(PageEditorRequired, TemplateView):
    """One smart answer: every step in flow order, how many reached it, went on or stopped."""

    template_name = "evaluation/admin/smart_answer_steps.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = get_object_or_404(SmartAnswerPage, pk=kwargs["page_id"])
        period, shown = period_context(self.request)
        counts = flow_counts.flow_counts(page, period.start.date(), period.end.date())
        context.update(
            shown,
            page_title=_("Smart answer: %(title)s") % {"title": page.title},
            header_icon="list-ol",
            page=page,
            counts=counts,
        )
        return context
