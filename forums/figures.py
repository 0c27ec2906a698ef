"""The forums' figures on the public dashboard (core/public_figures.py): questions asked and
answered, days to the first official answer, suggestions by status; visible threads only
(the forums' one visibility rule)."""

from statistics import median

from django.db.models import Count, Min

from core.public_figures import MINIMUM, FigureSection, bars, suppressed
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


SECTION = FigureSection(
    key="forums",
    compute=compute,
    template="forums/dashboard_section.html",
    datasets=datasets,
    has_activity=lambda figures: bool(figures["questions"]),
    charts=charts,
    order=30,
)
