"""Which sessions the calendar shows: filters, the upcoming list, the month grid, the feeds."""

import calendar as stdlib_calendar
import hashlib
from datetime import date, timedelta

from django.db.models import Max
from django.utils import timezone

from agenda import conf
from agenda.models.sessions import EventSession


def public_sessions():
    return EventSession.objects.public().select_related("page")


def apply_filters(sessions, chosen):
    """Narrow sessions by the filters chosen (valid values only, see CalendarFilterForm).

    A topic's slug and an audience's code are unique, so the joins through the event
    page add no duplicate rows (which would inflate the seats counted beside them).
    """
    if topic := chosen.get("topic"):
        sessions = sessions.filter(page__topics__slug=topic)
    if audience := chosen.get("audience"):
        sessions = sessions.filter(page__audiences__code=audience)
    if kind := chosen.get("kind"):
        sessions = sessions.filter(page__kind=kind)
    if language := chosen.get("language"):
        # Languages are a short JSON list of codes; the quoted code matches exactly on
        # every database (SQLite has no JSON "contains").
        sessions = sessions.filter(page__languages__icontains=f'"{language}"')
    region = chosen.get("region")
    if region == "online":
        sessions = sessions.filter(online=True)
    elif region:
        sessions = sessions.filter(region=region, online=False)
    return sessions


def upcoming(chosen, now=None):
    return apply_filters(public_sessions().upcoming(now), chosen).with_seats_taken().order_by("start", "pk")


def past(chosen, now=None):
    return apply_filters(public_sessions().past(now), chosen).order_by("-start", "-pk")


def month_grid(year, month, chosen):
    """Weeks (Monday first) of days, each with the sessions held that day in their own zone."""
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    sessions = apply_filters(public_sessions().filter(date__range=(first, last)), chosen).order_by(
        "start", "pk"
    )
    by_day = {}
    for session in sessions:
        by_day.setdefault(session.date, []).append(session)
    return [
        [{"date": day, "in_month": day.month == month, "sessions": by_day.get(day, [])} for day in week]
        for week in weeks
    ]


def neighbour_months(year, month):
    first = date(year, month, 1)
    previous = first - timedelta(days=1)
    following = first + timedelta(days=32)
    return (previous.year, previous.month), (following.year, following.month)


def feed_sessions(chosen, now=None):
    # Feeds keep recent past sessions so calendars do not drop them at once.
    since = (now or timezone.now()) - timedelta(days=conf.get("FEED_HISTORY_DAYS"))
    return apply_filters(public_sessions().filter(end__gte=since), chosen).order_by("start", "pk")


def feed_version(sessions_queryset):
    """(ETag, Last-Modified) of a feed, from one aggregate query: any change of a session
    or its page, or a session entering or leaving the feed, changes them."""
    summary = sessions_queryset.order_by().aggregate(
        changed=Max("changed_at"), published=Max("page__last_published_at"), top=Max("pk")
    )
    count = sessions_queryset.order_by().count()
    moments = [moment for moment in (summary["changed"], summary["published"]) if moment]
    last_modified = max(moments) if moments else None
    fingerprint = f"{count}:{summary['top']}:{last_modified.isoformat() if last_modified else ''}"
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:32], last_modified
