"""The public dashboard's figures, computed in SQL and cached.

Every figure is an aggregate; none is a row about a person. A count under
``MINIMUM`` is suppressed (None, shown as "fewer than 5"), as the complaints app
does for its own figures. ``figures(period)`` is cached per period and refreshed
by ``refresh_task`` (run by ``manage.py evaluation_tick``), so a reader never waits
for aggregation over millions of ratings.
"""

from statistics import median

from django.core.cache import cache
from django.db.models import Avg, Count, Min, Q, Sum
from django.utils import timezone
from django_tasks import task

from agenda.models import EventSession, Registration
from cms.models import GuidePage, TopicPage
from complaints.statistics import public_statistics
from evaluation import conf, periods
from evaluation.models import EventFeedback, PageRating

MINIMUM = 5  # not tunable: the public texts say "fewer than 5"
VERSION = 2  # raise when the shape of the figures changes


def suppressed(count):
    return count if count is not None and count >= MINIMUM else None


def share(part, whole):
    return round(100 * part / whole, 1) if whole and whole >= MINIMUM else None


def guide_figures(period):
    guides = GuidePage.objects.live().public()
    return {
        "published": guides.filter(
            first_published_at__gte=period.start, first_published_at__lt=period.end
        ).count(),
        "updated": guides.filter(
            last_published_at__gte=period.start, last_published_at__lt=period.end
        ).count(),
        "live": guides.count(),
    }


def helpfulness_by_topic(period):
    """Yes/total per topic: ratings grouped by page in SQL, pages mapped to their topic."""
    per_page = (
        PageRating.objects.filter(created__gte=period.start, created__lt=period.end)
        .values("page_id", "page__path")
        .annotate(total=Count("id"), yes=Count("id", filter=Q(helpful=True)))
        .order_by()
    )
    topics = list(TopicPage.objects.live().public().order_by("path"))
    totals = {topic.pk: [0, 0] for topic in topics}
    for row in per_page:
        for topic in topics:
            if row["page__path"].startswith(topic.path):
                totals[topic.pk][0] += row["yes"]
                totals[topic.pk][1] += row["total"]
                break
    return [
        {
            "topic": topic.slug,
            "ratings": suppressed(totals[topic.pk][1]),
            "helpful_percent": share(totals[topic.pk][0], totals[topic.pk][1]),
        }
        for topic in topics
    ]


def event_figures(period):
    sessions = EventSession.objects.public().filter(
        end__gte=period.start, end__lt=min(period.end, timezone.now())
    )
    held = sessions.exclude(status="cancelled")
    reached = (
        Registration.objects.filter(session__in=held, status="confirmed")
        .values("session__region", "session__online")
        .annotate(people=Sum("people"))
        .order_by()
    )
    by_region = {}
    for row in reached:
        region = "online" if row["session__online"] else row["session__region"]
        by_region[region] = by_region.get(region, 0) + (row["people"] or 0)
    feedback = EventFeedback.objects.filter(registration__session__in=held).aggregate(
        answers=Count("id"), average=Avg("satisfaction")
    )
    answers = feedback["answers"]
    return {
        "sessions_held": held.count(),
        "sessions_cancelled": sessions.filter(status="cancelled").count(),
        "people_reached": suppressed(sum(by_region.values())),
        "people_by_region": sorted(
            ({"region": region, "people": suppressed(people)} for region, people in by_region.items()),
            key=lambda row: (row["people"] is None, -(row["people"] or 0), row["region"]),
        ),
        "survey_answers": suppressed(answers),
        "average_satisfaction": round(feedback["average"], 2) if answers >= MINIMUM else None,
    }


def forum_figures(period):
    """Questions asked and answered, median days to the first official answer, suggestions by
    status: visible threads only (the forums' one visibility rule)."""
    from forums.models import Post, SuggestionStatus, Thread, ThreadKind, ThreadStatus

    threads = Thread.objects.visible().filter(created_at__gte=period.start, created_at__lt=period.end)
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


def compute(period):
    return {
        "period": {"key": period.key, "start": period.start.isoformat(), "end": period.end.isoformat()},
        "computed_at": timezone.now().isoformat(),
        "guides": guide_figures(period),
        "helpfulness": helpfulness_by_topic(period),
        "events": event_figures(period),
        "forums": forum_figures(period),
        "complaints": {
            key: (value.isoformat() if hasattr(value, "isoformat") else value)
            for key, value in public_statistics(period.start, period.end).items()
        },
    }


def cache_key(period):
    return f"evaluation-dashboard:{VERSION}:{period.key}:{period.start.date().isoformat()}"


def figures(period):
    data = cache.get(cache_key(period))
    if data is None:
        data = compute(period)
        cache.set(cache_key(period), data, conf.get("DASHBOARD_CACHE_SECONDS"))
    return data


def refresh(now=None):
    """Recompute the figures of every period the selector offers; returns how many."""
    count = 0
    for key, _label in periods.choices(now):
        period = periods.resolve(key, now)
        cache.set(cache_key(period), compute(period), conf.get("DASHBOARD_CACHE_SECONDS"))
        count += 1
    return count


@task()
def refresh_task():
    return refresh()
