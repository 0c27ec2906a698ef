""" "Add to calendar" for one session: Google Calendar and Outlook links and the .ics file.

Google and Outlook on the web take a new event from plain link parameters, so no script
or third-party code runs on our pages. Times go in UTC (``Z``) and Google also gets the
session's zone (``ctz``), so the event shows the session's own clock wherever the reader
is. The public links carry public fields only; the registrant's page adds the joining
link when ``Registration.may_see_joining_link()`` allows (the link stays in their own
calendar, and their page is never cached or indexed).
"""

from dataclasses import dataclass
from datetime import UTC
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from agenda import ics

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"
OFFICE = "https://outlook.office.com/calendar/0/deeplink/compose"


@dataclass(frozen=True)
class CalendarLinks:
    google: str
    outlook: str
    office: str
    ics: str


def addable(session, now=None):
    """A session someone may still put in a calendar: not cancelled, not over."""
    return session.status != "cancelled" and session.end > (now or timezone.now())


def _details(session, with_link):
    parts = [strip_tags(session.page.summary), ics.page_url(session)]
    if with_link:
        parts.append(f"{_('Joining link')}: {session.joining_link}")
    return "\n\n".join(part for part in parts if part)


def _links(session, ics_url, with_link):
    start, end = session.start.astimezone(UTC), session.end.astimezone(UTC)
    title = ics.summary(session)
    details = _details(session, with_link)
    location = session.joining_link if with_link else ics.location(session)
    google = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
        "details": details,
        "location": location,
        "ctz": session.time_zone,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": f"{start:%Y-%m-%dT%H:%M:%SZ}",
        "enddt": f"{end:%Y-%m-%dT%H:%M:%SZ}",
        "body": details,
        "location": location,
    }
    return CalendarLinks(
        google=f"{GOOGLE}?{urlencode(google)}",
        outlook=f"{OUTLOOK}?{urlencode(outlook)}",
        office=f"{OFFICE}?{urlencode(outlook)}",
        ics=ics_url,
    )


def for_session(session, now=None):
    """The public links of a session, or None when it cannot be added any more."""
    if not addable(session, now):
        return None
    return _links(session, reverse("agenda:session_ics", kwargs={"pk": session.pk}), with_link=False)


def for_registration(registration, now=None):
    """The registrant's own links: only while they hold a seat at a session still to come."""
    if registration.status != "confirmed" or not addable(registration.session, now):
        return None
    ics_url = reverse("agenda:registration_ics", kwargs={"token": registration.token})
    return _links(registration.session, ics_url, with_link=registration.may_see_joining_link())
