"""The events app's views reached by URL rather than through a page: the iCalendar feeds
of the whole calendar and of one event, the files of one session and of one registrant's
entry, and /<lang>/events/, which finds the calendar page."""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.formats import number_format
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from agenda import calendar, calendar_links, conf, ics
from agenda.forms import CalendarFilterForm
from agenda.models import EventIndexPage, EventPage
from agenda.models.registrations import Registration
from core.signed_links import LinkError


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


def _version(request, sessions):
    """(ETag, Last-Modified, and a 304 answer when the caller's copy is current) of a file of
    these sessions in the reader's language."""
    etag, last_modified = calendar.feed_version(sessions)
    etag = f"{etag}-{get_language()}"
    unchanged = get_conditional_response(
        request, etag=f'"{etag}"', last_modified=int(last_modified.timestamp()) if last_modified else None
    )
    return etag, last_modified, unchanged


def feed(request):
    """All public sessions (or those matching the filters in the query) as a feed."""
    index_page = _calendar_page()
    chosen = CalendarFilterForm(request.GET).chosen()
    sessions = calendar.feed_sessions(chosen)
    etag, last_modified, unchanged = _version(request, sessions)
    if unchanged is not None:
        return unchanged
    # The ETag changes with any change that would change the feed, so the finished
    # feed can be kept under it: calendars polling every hour cost one query each.
    limit = conf.get("FEED_LIMIT")
    key = f"agenda-feed:v2:{limit}:{etag}:{request.get_full_path()}"
    cached = cache.get(key)
    if cached is None:
        truncated = sessions[limit : limit + 1].exists()
        note = _truncated_note(limit) if truncated else None
        cached = (ics.feed(sessions[:limit], index_page.title, description=note), truncated)
        cache.set(key, cached, 3600)
    content, truncated = cached
    response = _calendar_response(request, content, etag, last_modified, "sinergi-events.ics")
    response["X-Feed-Limit"] = str(limit)
    if truncated:
        response["X-Feed-Truncated"] = "true"
    return response


def _truncated_note(limit):
    """Said in the calendar itself (its description, which calendar apps show) and in a
    header: a feed longer than FEED_LIMIT sessions holds the earliest ones only."""
    return _(
        "This calendar shows the first %(limit)s sessions from today. Choose a province, topic "
        "or language on the calendar page to subscribe to a shorter calendar with all of its sessions."
    ) % {"limit": number_format(limit, force_grouping=True)}


def event_ics(request, slug):
    """One event's sessions, for a download or a subscription to that event alone."""
    page = get_object_or_404(EventPage.objects.live().public(), slug=slug)
    sessions = calendar.public_sessions().filter(page=page)
    etag, last_modified, unchanged = _version(request, sessions)
    if unchanged is not None:
        return unchanged
    content = ics.feed(sessions.order_by("start"), page.title)
    return _calendar_response(request, content, etag, last_modified, f"{page.slug}.ics")


def session_ics(request, pk):
    """One session alone: a series' part goes into a calendar without the others."""
    session = get_object_or_404(calendar.public_sessions(), pk=pk)
    etag, last_modified, unchanged = _version(request, calendar.public_sessions().filter(pk=pk))
    if unchanged is not None:
        return unchanged
    filename = f"{session.page.slug}-{session.pk}.ics"
    return _calendar_response(request, ics.session_file(session), etag, last_modified, filename)


@never_cache
@require_safe
def registration_ics(request, token):
    """The registrant's own entry (their UID, their joining link): private, never cached."""
    try:
        registration = Registration.from_token(token)
    except LinkError:
        raise Http404 from None
    if calendar_links.for_registration(registration) is None:
        raise Http404
    response = HttpResponse(ics.registrant_file(registration), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{registration.session.page.slug}.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


def calendar_home(request):
    """/<lang>/events/: the calendar page, wherever editors put it."""
    return redirect(_calendar_page().url)
