"""iCalendar (RFC 5545) for sessions: feeds, per-event files and email invitations.

What calendar programs rely on, and why it is here:
- UID ``session-<id>@<host>`` never changes, in feeds and in emails, so Google,
  Outlook and Apple update the entry they already hold instead of adding another.
- Times carry the session's TZID (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) with
  a VTIMEZONE block, so every client shows the right local time wherever it is.
- SEQUENCE rises with every change of time, place or status (agenda/models/sessions.py);
  an email always carries a SEQUENCE higher than the last one that registrant got.
- Feeds (METHOD:PUBLISH) hold public fields only; joining links and attendees appear
  only in the invitation sent to that registrant (METHOD:REQUEST / CANCEL).
"""

from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Sinergi//Events//EN"
REFRESH = timedelta(hours=1)  # how often subscribed calendars should fetch feeds again


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


def _location(session):
    if session.online:
        return str(translation.gettext("Online"))
    return ", ".join(part for part in (session.venue_name, session.address, session.region) if part)


def _summary(session):
    title = session.page.title
    return f"{title}: {session.label}" if session.label else title


def session_event(session, *, sequence=None, cancelled=False, attendee=None, with_link=False):
    """One VEVENT. ``attendee`` (a Registration) and ``with_link`` only for that person's email.

    DTSTAMP is the session's last change in feeds (so an unchanged feed is byte for
    byte the same and its ETag holds) and the moment of sending in emails.
    """
    page = session.page
    url = settings.SITE_BASE_URL + page.url if page.url else settings.SITE_BASE_URL
    event = Event()
    event.add("uid", session.uid)
    event.add("dtstamp", timezone.now() if attendee is not None else session.changed_at)
    event.add("last-modified", session.changed_at)
    event.add("sequence", session.sequence if sequence is None else sequence)
    event.add("dtstart", session.local_start())
    event.add("dtend", session.local_end())
    event.add("summary", _summary(session))
    description = [page.summary, url]
    if with_link and session.online and session.joining_link:
        description.append(f"{translation.gettext('Joining link')}: {session.joining_link}")
    event.add("description", "\n\n".join(strip_tags(part) for part in description if part))
    event.add("location", _location(session))
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


def feed(sessions, name):
    """A subscribable feed (METHOD:PUBLISH) of public fields only."""
    calendar = _calendar("PUBLISH", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")  # Outlook's name for the same
    for session in sessions:
        calendar.add_component(session_event(session))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def invitation(registration, sequence):
    """METHOD:REQUEST for a confirmed registrant: the entry lands in their own calendar."""
    calendar = _calendar("REQUEST")
    calendar.add_component(
        session_event(registration.session, sequence=sequence, attendee=registration, with_link=True)
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def cancellation(registration, sequence):
    """METHOD:CANCEL with the same UID and a higher SEQUENCE: the entry disappears."""
    calendar = _calendar("CANCEL")
    calendar.add_component(
        session_event(registration.session, sequence=sequence, cancelled=True, attendee=registration)
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()
