"""iCalendar (RFC 5545) for sessions: feeds, per-event files and email invitations.

What calendar programs rely on, and why it is here:
- A UID never changes, so Google, Outlook and Apple update the entry they already hold
  instead of adding another. Public files (feeds, an event's or a session's file) use the
  session's, ``session-<id>@<host>``; what reaches one registrant (invitations, the file on
  their page) uses their registration's, ``session-<id>-registration-<id>@<host>``: their
  own entry, apart from a subscribed feed's, and registering again after a cancellation is a
  new entry rather than a REQUEST reviving a UID their calendar cancelled and deleted.
- Times carry the session's TZID (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) with
  a VTIMEZONE block, so every client shows the right local time wherever it is.
- SEQUENCE rises with every change of time, place or status (agenda/models/sessions.py);
  an email always carries a SEQUENCE higher than the last one that registrant got.
- DTSTAMP and LAST-MODIFIED follow the last edit a calendar shows: the session's own
  change or a publish of its event page (title, summary).
- Public files (METHOD:PUBLISH) hold public fields only; joining links (LOCATION,
  CONFERENCE, DESCRIPTION) and attendees appear only in what reaches a registrant who
  may see them (Registration.may_see_joining_link).
"""

from datetime import timedelta
from email.utils import parseaddr
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.html import strip_tags
from icalendar import Calendar, Event, Timezone, vCalAddress, vText, vUri

PRODID = "-//Sinergi//Events//EN"
EVENT_CACHE_SECONDS = 24 * 3600
REFRESH = timedelta(hours=1)  # how often subscribed calendars should fetch feeds again


@lru_cache(maxsize=16)
def vtimezone(tzid):
    """The VTIMEZONE block of one zone. Made once per process: icalendar derives it by
    scanning the zone's transitions, which costs about 20 ms each time."""
    return Timezone.from_tzid(tzid)


def _add_timezones(calendar, time_zones):
    for tzid in sorted(set(time_zones)):
        calendar.add_component(vtimezone(tzid))


def _calendar(method, name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    return calendar


def location(session):
    if session.online:
        return str(translation.gettext("Online"))
    return ", ".join(part for part in (session.venue_name, session.address, session.region) if part)


def summary(session):
    title = session.page.title
    return f"{title}: {session.label}" if session.label else title


def revised_at(session):
    """When what a calendar shows of the session last changed: its own time, place or
    status (``changed_at``) or its event page's title and summary (the page's publish)."""
    published = session.page.last_published_at
    return max(session.changed_at, published) if published else session.changed_at


def page_url(session):
    page = session.page
    return settings.SITE_BASE_URL + page.url if page.url else settings.SITE_BASE_URL


def _conference(session):
    """RFC 7986 CONFERENCE: clients that know it offer a "join" button."""
    return vUri(session.joining_link), {
        "VALUE": "URI",
        "FEATURE": ["AUDIO", "VIDEO"],
        "LABEL": str(translation.gettext("Joining link")),
    }


def session_event(session, *, uid=None, sequence=None, cancelled=False, attendee=None, with_link=False):
    """One VEVENT. ``uid`` is the registration's for what reaches a registrant; ``attendee``
    (a Registration: ORGANIZER and ATTENDEE) only in their invitations; ``with_link`` (the
    joining link as LOCATION, CONFERENCE and in the description) only for a registrant who
    may see it.

    DTSTAMP is the last revision in public files (so an unchanged feed is byte for
    byte the same and its ETag holds) and the moment of sending in emails.
    """
    url = page_url(session)
    event = Event()
    event.add("uid", uid or session.uid)
    event.add("dtstamp", timezone.now() if attendee is not None else revised_at(session))
    event.add("last-modified", revised_at(session))
    event.add("sequence", session.sequence if sequence is None else sequence)
    event.add("dtstart", session.local_start())
    event.add("dtend", session.local_end())
    event.add("summary", summary(session))
    description = [session.page.summary, url]
    if with_link:
        description.append(f"{translation.gettext('Joining link')}: {session.joining_link}")
    event.add("description", "\n\n".join(strip_tags(part) for part in description if part))
    event.add("location", session.joining_link if with_link else location(session))
    if not session.online and session.latitude is not None and session.longitude is not None:
        event.add("geo", (float(session.latitude), float(session.longitude)))  # calendars show a map
    if with_link:
        link, parameters = _conference(session)
        event.add("conference", link, parameters=parameters)
    event.add("url", url)
    if cancelled or session.status == "cancelled":
        event.add("status", "CANCELLED")
    elif session.status == "postponed":
        event.add("status", "TENTATIVE")
    else:
        event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    if attendee is not None:
        name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        organizer = vCalAddress(f"mailto:{address}")
        organizer.params["cn"] = vText(name or "Sinergi")
        event.add("organizer", organizer)
        person = vCalAddress(f"mailto:{attendee.email}")
        person.params["cn"] = vText(attendee.name)
        person.params["role"] = vText("REQ-PARTICIPANT")
        person.params["partstat"] = vText("DECLINED" if cancelled else "ACCEPTED")
        person.params["rsvp"] = vText("FALSE")
        event.add("attendee", person)
    return event


# What a feed reads of every session: enough for the cache keys and the time zones. The
# sessions whose VEVENT is not cached are then loaded whole with their event page, whose
# translated fields and StreamField bodies were most of the time a 2,000-session feed took
# after one change.
ROW = ("pk", "sequence", "changed_at", "page__last_published_at", "time_zone")


def _event_key(pk, sequence, changed_at, published_at, language):
    published = published_at.timestamp() if published_at else 0
    return f"ics:{pk}:{sequence}:{changed_at.timestamp()}:{published}:{language}"


def _cached_events(sessions, rows):
    """Each session's VEVENT as bytes, from the cache when that session, its page and the
    language are unchanged (feeds with different filters share them); the others are built
    from the sessions loaded in one query."""
    language = translation.get_language()
    keys = [(row[0], _event_key(*row[:4], language)) for row in rows]
    found = cache.get_many([key for _pk, key in keys])
    missing = [pk for pk, key in keys if key not in found]
    if missing:
        loaded = sessions.model.objects.select_related("page").in_bulk(missing)
        built = {
            key: session_event(loaded[pk]).to_ical() for pk, key in keys if pk in loaded and key not in found
        }
        cache.set_many(built, EVENT_CACHE_SECONDS)
        found.update(built)
    return [found[key] for _pk, key in keys if key in found]


def feed(sessions, name, description=None):
    """A subscribable feed (METHOD:PUBLISH) of public fields only; ``sessions`` is a query of
    public sessions in the order they appear (sliced to a limit if need be); ``description``
    is shown by calendar apps beside its name (RFC 7986 DESCRIPTION, and X-WR-CALDESC for
    older ones).

    Built from icalendar components; the VEVENTs are cached one by one (see
    _cached_events) and joined between the calendar's header and its end, so a
    feed of thousands of sessions costs little more than its database query.
    """
    rows = list(sessions.values_list(*ROW))
    calendar = _calendar("PUBLISH", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")  # Outlook's name for the same
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    _add_timezones(calendar, [row[4] for row in rows])
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end), "icalendar ends every calendar with END:VCALENDAR"
    return head[: -len(end)] + b"".join(_cached_events(sessions, rows)) + end


def session_file(session):
    """One session alone (a part of a series, say), public fields only."""
    return feed(type(session).objects.filter(pk=session.pk), summary(session))


def _registrant_calendar(method, registration, **event):
    calendar = _calendar(method)
    _add_timezones(calendar, [registration.session.time_zone])
    calendar.add_component(session_event(registration.session, uid=registration.calendar_uid, **event))
    return calendar.to_ical()


def invitation(registration, sequence):
    """METHOD:REQUEST for a confirmed registrant: the entry lands in their own calendar."""
    return _registrant_calendar(
        "REQUEST",
        registration,
        sequence=sequence,
        attendee=registration,
        with_link=registration.may_see_joining_link(),
    )


def cancellation(registration, sequence):
    """METHOD:CANCEL with the same UID and a higher SEQUENCE: the entry disappears."""
    return _registrant_calendar(
        "CANCEL", registration, sequence=sequence, cancelled=True, attendee=registration
    )


def registrant_file(registration):
    """The file on the registrant's page: the entry of their invitations (same UID, the last
    SEQUENCE sent), so importing it after accepting the invitation changes nothing."""
    return _registrant_calendar(
        "PUBLISH",
        registration,
        sequence=max(registration.calendar_sequence, registration.session.sequence),
        with_link=registration.may_see_joining_link(),
    )
