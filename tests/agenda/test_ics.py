"""Every .ics we produce parses with icalendar and with ical.js (npm), and says the same."""

import json
import shutil
import subprocess
from datetime import datetime, time, timedelta
from email import message_from_bytes
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from agenda import calendar_views
from agenda import registration as seats
from agenda.models import EventSession
from agenda.session_changes import announce_changes

from .conftest import person

PARSER = Path(__file__).with_name("icaljs_parse.cjs")
NODE = shutil.which("node") or "/usr/bin/node"
UTC = ZoneInfo("UTC")


def parse_twice(tmp_path, content):
    """(icalendar Calendar, ical.js summary) of one calendar text."""
    if isinstance(content, str):
        content = content.encode()
    calendar = Calendar.from_ical(content)
    path = tmp_path / f"c{abs(hash(content))}.ics"
    path.write_bytes(content)
    result = subprocess.run(
        [NODE, str(PARSER), str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    return calendar, json.loads(result.stdout)[0]


def events_of(calendar):
    return list(calendar.walk("VEVENT"))


def assert_same(calendar, independent):
    """Both parsers agree on UID, SEQUENCE, STATUS and the instants."""
    mine = {str(event["UID"]): event for event in events_of(calendar)}
    assert set(mine) == {event["uid"] for event in independent["events"]}
    for other in independent["events"]:
        event = mine[other["uid"]]
        assert int(event.get("SEQUENCE", 0)) == other["sequence"]
        assert str(event["STATUS"]) == other["status"]
        start = event["DTSTART"].dt.astimezone(UTC)
        assert start == datetime.fromisoformat(other["start"].replace("Z", "+00:00"))
        assert event["DTEND"].dt.astimezone(UTC) == datetime.fromisoformat(
            other["end"].replace("Z", "+00:00")
        )


def calendar_attachments(message):
    """(method, text) of each calendar part of a sent email, read back from its MIME source."""
    parsed = message_from_bytes(message.message().as_bytes())
    return [
        (part.get_param("method"), part.get_payload(decode=True).decode())
        for part in parsed.walk()
        if part.get_content_type() == "text/calendar"
    ]


@pytest.mark.parametrize(
    ("zone", "offset"), [("Asia/Jakarta", 7), ("Asia/Makassar", 8), ("Asia/Jayapura", 9)]
)
def test_local_times_in_wib_wita_wit_become_the_right_instants(make_event, client, tmp_path, zone, offset):
    page = make_event([{"time_zone": zone, "start_time": time(9, 0), "end_time": time(11, 30)}])
    session = page.sessions.get()
    response = client.get(reverse("agenda:event_ics", kwargs={"slug": page.slug}))
    assert response["Content-Type"].startswith("text/calendar")
    calendar, independent = parse_twice(tmp_path, response.content)
    assert_same(calendar, independent)
    (event,) = independent["events"]
    assert event["tzid"] == zone
    start = datetime.fromisoformat(event["start"].replace("Z", "+00:00"))
    assert start == datetime.combine(session.date, time(9 - offset, 0), tzinfo=UTC)
    assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == [zone]


def test_a_reader_in_a_daylight_saving_zone_sees_the_right_local_time(make_event, client, tmp_path):
    """09:00 WITA is 01:00 UTC: 21:00 the day before in New York in July (EDT), 20:00 in January (EST)."""
    page = make_event(
        [
            {"date": datetime(2027, 7, 15).date(), "time_zone": "Asia/Makassar"},
            {"date": datetime(2027, 1, 15).date(), "time_zone": "Asia/Makassar"},
        ]
    )
    response = client.get(reverse("agenda:event_ics", kwargs={"slug": page.slug}))
    calendar, independent = parse_twice(tmp_path, response.content)
    assert_same(calendar, independent)
    new_york = ZoneInfo("America/New_York")
    local = sorted(
        datetime.fromisoformat(event["start"].replace("Z", "+00:00")).astimezone(new_york)
        for event in independent["events"]
    )
    assert [(moment.month, moment.day, moment.hour) for moment in local] == [(1, 14, 20), (7, 14, 21)]


def test_feed_has_public_fields_only_refresh_hints_and_conditional_headers(make_event, client, tmp_path):
    page = make_event(
        [{"online": True, "joining_link": "https://meet.example.org/secret-room", "region": ""}]
    )
    session = page.sessions.get()
    seats.register(session.pk, person(1))
    response = client.get(reverse("agenda:feed"))
    text = response.content.decode()
    assert "secret-room" not in text and "orang1@example.org" not in text and "ATTENDEE" not in text
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in text and "X-PUBLISHED-TTL:PT1H" in text
    calendar, independent = parse_twice(tmp_path, response.content)
    assert_same(calendar, independent)
    assert independent["method"] == "PUBLISH"
    assert session.uid in {event["uid"] for event in independent["events"]}
    again = client.get(reverse("agenda:feed"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    since = client.get(reverse("agenda:feed"), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


def test_feed_filters_by_region_topic_and_language(make_event, client, topic):
    bali = make_event([{"region": "Bali", "time_zone": "Asia/Makassar"}], languages=("ar",))
    bali.topics.add(topic)
    bali.save_revision().publish()
    jakarta = make_event([{"region": "DKI Jakarta"}], languages=("id",))

    def uids(query):
        calendar = Calendar.from_ical(client.get(reverse("agenda:feed") + query).content)
        return {str(event["UID"]) for event in calendar.walk("VEVENT")}

    bali_uid, jakarta_uid = bali.sessions.get().uid, jakarta.sessions.get().uid
    assert bali_uid in uids("?region=Bali") and jakarta_uid not in uids("?region=Bali")
    assert bali_uid in uids(f"?topic={topic.slug}") and jakarta_uid not in uids(f"?topic={topic.slug}")
    assert bali_uid in uids("?language=ar") and jakarta_uid not in uids("?language=ar")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_feed_longer_than_its_limit_says_so_in_the_calendar_and_a_header(client, limits, language, db):
    """The feed stopped silently at FEED_LIMIT sessions; now calendar apps show why it is
    short (its description, in the reader's language) and clients see it in a header."""
    limits("agenda", FEED_LIMIT=3)
    with translation.override(language):
        url = reverse("agenda:feed")
        note = calendar_views._truncated_note(3)
    response = client.get(url)
    calendar = Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 3
    assert response["X-Feed-Limit"] == "3" and response["X-Feed-Truncated"] == "true"
    description = str(calendar["X-WR-CALDESC"])
    assert description == str(calendar["DESCRIPTION"]) == note and "3" in description
    if language == "ar":
        assert any("\u0600" <= char <= "\u06ff" for char in description)  # translated
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304

    limits("agenda", FEED_LIMIT=100000)
    whole = client.get(url)
    assert "X-Feed-Truncated" not in whole and "X-WR-CALDESC" not in whole.content.decode()
    assert len(Calendar.from_ical(whole.content).walk("VEVENT")) > 3


def test_after_one_change_the_feed_loads_only_that_session_whole(make_event, client):
    """The feed read every session with its whole event page (translated fields, StreamField
    bodies) to build the cache keys; now it reads a few columns, and only the sessions whose
    entry changed are loaded whole."""
    page = make_event([{"days": 5}, {"days": 6}, {"days": 7}])
    client.get(reverse("agenda:feed"))  # every entry cached
    changed = page.sessions.order_by("pk")[1]
    EventSession.objects.filter(pk=changed.pk).update(changed_at=timezone.now(), venue_name="Aula baru")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("agenda:feed"))
    assert "Aula baru" in response.content.decode()
    whole = [q["sql"] for q in queries.captured_queries if '"agenda_eventsession"."venue_name"' in q["sql"]]
    assert len(whole) == 1 and f"IN ({changed.pk})" in whole[0]


def test_changes_raise_the_sequence_and_cancelling_marks_the_feed_entry(make_event, client, tmp_path):
    page = make_event()
    session = page.sessions.get()
    first = session.sequence
    session.capacity = 99  # not time, place or status: calendars need not hear of it
    session.save()
    assert EventSession.objects.get(pk=session.pk).sequence == first
    session.start_time = time(10, 0)
    session.save()
    session.venue_name = "Aula baru"
    session.save()
    session.status = "cancelled"
    session.save()
    session.refresh_from_db()
    assert session.sequence == first + 3
    calendar, independent = parse_twice(
        tmp_path, client.get(reverse("agenda:event_ics", kwargs={"slug": page.slug})).content
    )
    assert_same(calendar, independent)
    assert independent["events"][0]["status"] == "CANCELLED"
    assert independent["events"][0]["sequence"] == first + 3


def test_emails_carry_request_then_cancel_with_the_same_uid_and_a_higher_sequence(session, outbox, tmp_path):
    registration = seats.register(session.pk, person(1, language="en"))
    seats.cancel(registration)
    messages = [message for message in outbox() if message.to == ["orang1@example.org"]]
    assert len(messages) == 2
    ((request_method, request_text),) = calendar_attachments(messages[0])
    ((cancel_method, cancel_text),) = calendar_attachments(messages[1])
    assert (request_method, cancel_method) == ("REQUEST", "CANCEL")
    raw = messages[0].message().as_string()
    assert (
        'text/calendar; charset="utf-8"; method="REQUEST"' in raw
        or 'text/calendar; charset="utf-8"; method=REQUEST' in raw
    )
    request_calendar, request_parsed = parse_twice(tmp_path, request_text)
    cancel_calendar, cancel_parsed = parse_twice(tmp_path, cancel_text)
    assert_same(request_calendar, request_parsed)
    assert_same(cancel_calendar, cancel_parsed)
    assert request_parsed["method"] == "REQUEST" and cancel_parsed["method"] == "CANCEL"
    (request_event,), (cancel_event,) = request_parsed["events"], cancel_parsed["events"]
    assert request_event["uid"] == cancel_event["uid"] == registration.calendar_uid
    assert cancel_event["sequence"] > request_event["sequence"]
    assert cancel_event["status"] == "CANCELLED"
    assert request_event["attendees"] == ["mailto:orang1@example.org"]


def test_organiser_changes_email_updates_and_cancellations_to_registrants(session, outbox, tmp_path):
    registration = seats.register(session.pk, person(1))
    waiting = [seats.register(session.pk, person(number)) for number in range(2, 5)][-1]
    assert waiting.status == "waitlisted"
    outbox().clear()
    session.refresh_from_db()
    session.start_time = time(13, 0)
    session.end_time = time(15, 0)
    session.save()
    announce_changes(session)
    session.status = "cancelled"
    session.save()
    announce_changes(session)
    sent = outbox()
    to_registrant = [calendar_attachments(message) for message in sent if message.to == [registration.email]]
    methods = [parts[0][0] if parts else None for parts in to_registrant]
    assert methods == ["REQUEST", "CANCEL"]
    update_calendar, update = parse_twice(tmp_path, to_registrant[0][0][1])
    assert_same(update_calendar, update)
    assert datetime.fromisoformat(update["events"][0]["start"].replace("Z", "+00:00")).hour == 6  # 13:00 WIB
    _cancel_calendar, cancel = parse_twice(tmp_path, to_registrant[1][0][1])
    assert cancel["events"][0]["sequence"] > update["events"][0]["sequence"]
    # People on the waitlist hear of it too, without a calendar entry to remove.
    to_waiting = [message for message in sent if message.to == [waiting.email]]
    assert len(to_waiting) == 2 and all(not calendar_attachments(message) for message in to_waiting)


def test_public_files_share_the_sessions_uid_and_emails_the_registrations(session, client, outbox):
    """Public files name the session; what reaches a registrant names their registration, so
    their invitations never collide with a subscribed feed or with an earlier registration."""
    registration = seats.register(session.pk, person(1))
    ((_method, text),) = calendar_attachments(outbox()[-1])
    uid_in_email = str(Calendar.from_ical(text).walk("VEVENT")[0]["UID"])
    feed = Calendar.from_ical(client.get(reverse("agenda:feed")).content)
    event_file = Calendar.from_ical(
        client.get(reverse("agenda:event_ics", kwargs={"slug": session.page.slug})).content
    )
    session_file = Calendar.from_ical(
        client.get(reverse("agenda:session_ics", kwargs={"pk": session.pk})).content
    )
    assert uid_in_email == registration.calendar_uid
    assert uid_in_email.startswith(f"session-{session.pk}-registration-{registration.pk}@")
    assert session.uid in {str(event["UID"]) for event in feed.walk("VEVENT")}
    assert [str(event["UID"]) for event in event_file.walk("VEVENT")] == [session.uid]
    assert [str(event["UID"]) for event in session_file.walk("VEVENT")] == [session.uid]
    assert timedelta(0) < session.end - session.start
