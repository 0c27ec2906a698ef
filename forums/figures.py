"""The forums' figures on the public dashboard (core/public_figures.py): questions asked and
answered, days to the first official answer, suggestions by status; visible threads only
(the forums' one visibility rule)."""

from statistics import median

from django.db.models import Count, Min
from django.utils.translation import gettext_lazy as _

from core.public_figures import (
    COUNT,
    DAYS,
    MINIMUM,
    VALUE,
    Code,
    Column,
    Dataset,
    FigureSection,
    bars,
    measure_column,
    suppressed,
)
from forums.models import Post, SuggestionStatus, Thread, ThreadKind, ThreadStatus

MEASURES = ("questions", "answered", "official_answers", "median_days_to_official_answer")


def compute(start, end):
    threads = Thread.objects.visible().filter(created_at__gte=start, created_at__lt=end)
    questions = threads.filter(kind=ThreadKind.QUESTION)
    first_official = (
        Post.objects.visible()
        .filter(thread__in=questions, is_official=True)
        .values("thread_id")
        .annotate(first=Min("created_at"))
        .order_by()
    )
    asked = dict(questions.values_list("pk", "created_at"))
    waits = sorted((row["first"] - asked[row["thread_id"]]).total_seconds() / 86400 for row in first_official)
    suggestions = dict(
        threads.filter(kind=ThreadKind.SUGGESTION)
        .values_list("suggestion_status")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {
        "questions": suppressed(len(asked)),
        "answered": suppressed(questions.filter(status=ThreadStatus.ANSWERED).count()),
        "official_answers": suppressed(len(waits)),
        "median_days_to_official_answer": round(median(waits), 1) if len(waits) >= MINIMUM else None,
        "suggestions_by_status": {
            status: suppressed(suggestions.get(status, 0)) for status in SuggestionStatus.values
        },
    }


def charts(figures):
    labels = dict(SuggestionStatus.choices)
    return {
        "suggestions": bars(
            [(labels.get(code, code), value) for code, value in figures["suggestions_by_status"].items()]
        )
    }


def datasets(figures):
    return {
        "forum-questions": (
            ["measure", "value", "suppressed"],
            [{"measure": key, "value": figures[key], "suppressed": figures[key] is None} for key in MEASURES],
        ),
        "suggestions-by-status": (
            ["status", "count", "suppressed"],
            [
                {"status": key, "count": value, "suppressed": value is None}
                for key, value in figures["suggestions_by_status"].items()
            ],
        ),
    }


def _measures():
    return [
        Code("questions", str(_("Questions asked")), str(COUNT)),
        Code("answered", str(_("Questions answered")), str(COUNT)),
        Code("official_answers", str(_("Questions with an official answer")), str(COUNT)),
        Code("median_days_to_official_answer", str(_("Median time to an official answer")), str(DAYS)),
    ]


def dictionary():
    return {
        "forum-questions": Dataset(
            _("Forum questions"),
            _("Public questions asked in the forums in the period, and how they were answered."),
            (measure_column(_measures), VALUE),
        ),
        "suggestions-by-status": Dataset(
            _("Suggestions by status"),
            _("Suggestions posted in the forums in the period, by their status today."),
            (
                Column(
                    "status",
                    "string",
                    _("The suggestion's status today."),
                    codes=lambda: [Code(code, str(label)) for code, label in SuggestionStatus.choices],
                ),
                Column("count", "integer", _("Suggestions with this status.")),
            ),
        ),
    }


SECTION = FigureSection(
    key="forums",
    compute=compute,
    template="forums/dashboard_section.html",
    datasets=datasets,
    has_activity=lambda figures: bool(figures["questions"]),
    charts=charts,
    dictionary=dictionary,
    order=30,
)
