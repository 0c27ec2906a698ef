"""Demo events: a calendar with sessions across Indonesia's three time zones.

Dates are relative to the day the demo is loaded, so the calendar always has
upcoming sessions. Some sessions are full with a waitlist (demo registrations,
no emails sent), one is cancelled, one event is a series, a few are past and had
attendees (whom the evaluation app's demo gives survey answers).
Idempotent: an event that exists (by slug) is left as it is.
"""

import random
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from agenda.models import EventIndexPage, EventPage, EventSession, Registration
from cms.demo.loader import read_json, set_translations
from cms.models import Audience, HomePage, PartnerPage, TopicPage

DATA = Path(__file__).resolve().parent / "demo_data" / "events.json"
PAST_ATTENDEES = 12  # per past session


def load(progress=None, today=None):
    """Create the demo calendar; returns the number of pages created."""
    progress = progress or (lambda message: None)
    today = today or date.today()
    data = read_json(DATA)
    created = 0
    with transaction.atomic():
        home = HomePage.objects.get()
        index = EventIndexPage.objects.child_of(home).filter(slug=data["calendar"]["slug"]).first()
        if index is None:
            index = EventIndexPage(slug=data["calendar"]["slug"], show_in_menus=True)
            set_translations(index, "title", data["calendar"]["title"])
            set_translations(index, "intro", data["calendar"]["intro"])
            set_translations(index, "search_description", data["calendar"]["intro"])
            home.add_child(instance=index)
            index.save_revision().publish()
            created += 1
        events = data["events"]
        for number, event in enumerate(events, start=1):
            if EventPage.objects.child_of(index).filter(slug=event["slug"]).exists():
                continue
            progress(f"[{number}/{len(events)}] event {event['slug']}")
            _event(index, event, today)
            created += 1
    return created


def _session(data, today):
    day = today + timedelta(days=data["days"])
    session = EventSession(
        date=day,
        start_time=time.fromisoformat(data["start"]),
        end_time=time.fromisoformat(data["end"]),
        time_zone=data["zone"],
        online=data.get("online", False),
        venue_name=data.get("venue", ""),
        address=data.get("address", ""),
        region=data.get("region", ""),
        latitude=Decimal(str(data["lat"])) if "lat" in data else None,
        longitude=Decimal(str(data["lon"])) if "lon" in data else None,
        joining_link=data.get("link", ""),
        capacity=data["capacity"],
        status=data.get("status", "scheduled"),
    )
    set_translations(session, "label", data.get("label") or {"id": ""})
    set_translations(session, "venue_accessibility", data.get("access") or {"id": ""})
    return session


def _event(index, data, today):
    page = EventPage(slug=data["slug"], kind=data["kind"], languages=data["languages"])
    set_translations(page, "title", data["title"])
    set_translations(page, "summary", data["summary"])
    set_translations(page, "search_description", data["summary"])
    if data.get("organiser"):
        page.organiser = PartnerPage.objects.filter(slug=data["organiser"]).first()
    page.topics = list(TopicPage.objects.filter(slug__in=data["topics"]))
    page.audiences = list(Audience.objects.filter(code__in=data["audiences"]))
    for order, session_data in enumerate(data["sessions"]):
        session = _session(session_data, today)
        session.sort_order = order
        page.sessions.add(session)
    index.add_child(instance=page)
    page.save_revision().publish()
    for session, session_data in zip(page.sessions.order_by("sort_order"), data["sessions"], strict=True):
        if session_data.get("full"):
            _fill(session, waiting=session_data.get("waitlist", 0))
        elif session.end < timezone.now() and session.status == "scheduled":
            _attend(session)
    return page


def _fill(session, waiting):
    """Demo registrations that fill the session and queue some people behind it."""
    for number in range(session.capacity + waiting):
        Registration.objects.create(
            session=session,
            name=f"Peserta contoh {number + 1}",
            email=f"peserta{number + 1}.sesi{session.pk}@example.org",
            consent=True,
            status="confirmed" if number < session.capacity else "waitlisted",
        )


def _attend(session):
    """Demo people who came to a past session."""
    generator = random.Random(session.pk)  # noqa: S311 - repeatable demo data, not security
    for number in range(PAST_ATTENDEES):
        Registration.objects.create(
            session=session,
            name=f"Peserta {number + 1}",
            email=f"umpan{number}.sesi{session.pk}@example.org",
            consent=True,
            status="confirmed",
            people=generator.choice([1, 1, 1, 2, 3]),
            kind="individual",
        )
