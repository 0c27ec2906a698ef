"""The events app's views reached by URL rather than through a page: the iCalendar feeds
of the whole calendar and of one event, and /<lang>/events/, which finds the calendar page."""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from agenda import calendar, conf, ics
from agenda.forms import CalendarFilterForm
from agenda.models import EventIndexPage, EventPage


def _calendar_response(request, content, etag, last_modified, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = f'"{etag}"'
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=900)
    return response


def _calendar_page():
    index_page = EventIndexPage.objects.live().public().first()
    if index_page is None:
        raise Http404
    return index_page


def feed(request):
    """All public sessions (or those matching the filters in the query) as a feed."""
    index_page = _calendar_page()
    chosen = CalendarFilterForm(request.GET).chosen()
    sessions = calendar.feed_sessions(chosen)
    etag, last_modified = calendar.feed_version(sessions)
    etag = f"{etag}-{get_language()}"
    unchanged = get_conditional_response(
        request, etag=f'"{etag}"', last_modified=int(last_modified.timestamp()) if last_modified else None
    )
    if unchanged is not None:
        return unchanged
    # The ETag changes with any change that would change the feed, so the finished
    # feed can be kept under it: calendars polling every hour cost one query each.
    key = f"agenda-feed:{etag}:{request.get_full_path()}"
    content = cache.get(key)
    if content is None:
        content = ics.feed(sessions[: conf.get("FEED_LIMIT")], index_page.title)
        cache.set(key, content, 3600)
    return _calendar_response(request, content, etag, last_modified, "sinergi-events.ics")


def event_ics(request, slug):
    """One event's sessions, for a download or a subscription to that event alone."""
    page = get_object_or_404(EventPage.objects.live().public(), slug=slug)
    sessions = calendar.public_sessions().filter(page=page)
    etag, last_modified = calendar.feed_version(sessions)
    etag = f"{etag}-{get_language()}"
    unchanged = get_conditional_response(
        request, etag=f'"{etag}"', last_modified=int(last_modified.timestamp()) if last_modified else None
    )
    if unchanged is not None:
        return unchanged
    content = ics.feed(sessions.order_by("start"), page.title)
    return _calendar_response(request, content, etag, last_modified, f"{page.slug}.ics")


def calendar_home(request):
    """/<lang>/events/: the calendar page, wherever editors put it."""
    return redirect(_calendar_page().url)
