"""Template helpers for events: local times with their zone, seat states, form fields."""

from django import template
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agenda.choices import EVENT_LANGUAGES
from core.dates import date_and_time, long_date
from core.lists import comma

register = template.Library()


@register.simple_tag
def session_when(session):
    """'Monday, December 7, 2026, 09:00–12:00 WIB' in the session's own time zone."""
    return when(session.start, session.end, session)


@register.simple_tag
def when(start, end, session):
    """Any start and end (e.g. the time a session had before it moved) as ``session_when``
    writes them, in the session's zone."""
    start, end = start.astimezone(session.zone), end.astimezone(session.zone)
    day = long_date(start.date(), weekday=True)
    times = f"{formats.time_format(start, 'H:i')}–{formats.time_format(end, 'H:i')}"
    if end.date() != start.date():
        times = (
            f"{formats.time_format(start, 'H:i')} – {long_date(end.date())} {formats.time_format(end, 'H:i')}"
        )
    return date_and_time(day, f"{times} {session.zone_abbreviation}", weekday=True)


@register.simple_tag
def session_time(session):
    """'09:00 WITA': the start in the session's own zone."""
    return f"{formats.time_format(session.local_start(), 'H:i')} {session.zone_abbreviation}"


@register.simple_tag
def in_session_zone(moment, session):
    """Any moment (e.g. an offer's deadline) as the session's local clock shows it."""
    local = moment.astimezone(session.zone)
    return date_and_time(
        long_date(local.date()), f"{formats.time_format(local, 'H:i')} {session.zone_abbreviation}"
    )


@register.simple_tag
def session_place(session):
    """The venue and its province: Indonesian names, marked so in every reader's language."""
    if session.online:
        return _("Online")
    return format_html(
        '<bdi lang="id">{}</bdi>', ", ".join(part for part in (session.venue_name, session.region) if part)
    )


# The sign language's name is written in Indonesian.
WRITTEN_IN = {"bsl": "id"}


@register.simple_tag
def event_languages(page):
    """The languages an event is held in, each name in its own language, with the reader's comma."""
    names = dict(EVENT_LANGUAGES)
    return format_html_join(
        comma(),
        '<bdi lang="{}">{}</bdi>',
        ((WRITTEN_IN.get(code, code), names.get(code, code)) for code in page.languages),
    )


@register.simple_tag
def seats_text(session):
    """What a reader needs to know about seats and registration, in one phrase."""
    state = session.registration_state()
    if state == "cancelled":
        return _("Cancelled")
    if state == "postponed":
        return _("Postponed: new date to follow")
    if state == "not_yet":
        return _("Registration opens soon")
    if state == "closed":
        return _("Registration closed")
    left = session.seats_left()
    if left == 0:
        # Past the offer cut-off the waitlist takes nobody: no seat would be offered.
        return _("Full: join the waitlist") if session.offers_open() else _("Full")
    return ngettext("%(left)s seat left", "%(left)s seats left", left) % {"left": left}


@register.simple_tag
def field_widget(field, **attrs):
    """The field's widget with the ARIA links to its error and hint."""
    described = []
    if field.errors:
        attrs["aria-invalid"] = "true"
        described.append(f"{field.auto_id}-error")
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
