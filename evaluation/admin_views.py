"""Editors' views: which pages people found helpful, what they wrote, how events went."""

from datetime import timedelta

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncWeek
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.models import Page

from core.permissions import PageEditorRequired
from evaluation import conf, search_log
from evaluation.models import EventFeedback, PageRating


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
    """What people could not find, per week and language (only queries several people made)."""

    template_name = "evaluation/admin/not_found.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=_("What people could not find"),
            header_icon="search",
            rows=search_log.not_found(),
            minimum=conf.get("NOT_FOUND_MINIMUM_PEOPLE"),
        )
        return context
