"""Invitations every calendar accepts: the inline text/calendar part of a multipart/alternative
(with the file attached too), the registrant's own UID, SEQUENCE rising with each email, the
joining link only for the registrant. Each calendar is read by icalendar and ical.js."""

import email
from datetime import datetime, time, timedelta
from email import policy

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page

from agenda import registration as seats
from agenda.models import EventSession
from agenda.session_changes import announce_changes
from core.models import OutgoingEmail

from .conftest import person
from .test_ics import assert_same, parse_twice


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def parsed(message):
    """A sent message read back from its bytes by Python's email parser."""
    return email.message_from_bytes(message.message().as_bytes(), policy=policy.default)


def invitation_parts(message):
    """(inline calendar part, attached file part) of a sent message; checks the layout that
    Gmail, Outlook and Apple Mail turn into an invitation."""
    mime = parsed(message)
    assert mime.get_content_type() == "multipart/mixed"
    alternative, *files = mime.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    text, inline = alternative.iter_parts()
    assert text.get_content_type() == "text/plain"
    assert inline.get_content_type() == "text/calendar" and inline.get_content_disposition() is None
    (attached,) = files
    assert attached.get_content_type() == "application/ics"
    assert attached.get_content_disposition() == "attachment"
    assert attached.get_content().replace(b"\r\n", b"\n") == inline.get_content().encode().replace(
        b"\r\n", b"\n"
    )
    return inline, attached


def calendar_of(message, tmp_path):
    """(method parameter of the inline part, icalendar Calendar, ical.js summary)."""
    inline, _attached = invitation_parts(message)
    text = inline.get_content()
    calendar, independent = parse_twice(tmp_path, text)
    assert_same(calendar, independent)
    # icalendar reads back what it writes, unchanged.
    assert Calendar.from_ical(calendar.to_ical()) == calendar
    return inline.get_param("method"), calendar, independent


def sent_to(outbox, address):
    return [message for message in outbox() if message.to == [address]]


def test_the_confirmation_is_an_inline_request_with_organizer_attendee_and_the_registrants_uid(
    session, outbox, tmp_path
):
    before = timezone.now().replace(microsecond=0)
    registration = seats.register(session.pk, person(1, language="en"))
    (message,) = sent_to(outbox, "orang1@example.org")
    method, calendar, independent = calendar_of(message, tmp_path)
    assert method == "REQUEST" and independent["method"] == "REQUEST"
    assert invitation_parts(message)[1].get_filename() == "invite.ics"
    (event,) = independent["events"]
    assert event["uid"] == registration.calendar_uid != session.uid
    assert event["attendees"] == ["mailto:orang1@example.org"]
    assert event["organizer"] == "mailto:" + email.utils.parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    assert event["status"] == "CONFIRMED" and event["sequence"] == 0
    assert instant(event["dtstamp"]) >= before
    assert instant(event["lastModified"]) <= instant(event["dtstamp"])
    assert "Your place is confirmed" in message.body  # the text stays the message's body
    assert 'Content-Type: text/calendar; charset="utf-8"; method=REQUEST' in message.message().as_string()


def test_an_organisers_change_sends_a_request_with_a_higher_sequence_and_a_later_dtstamp(
    session, outbox, tmp_path
):
    registration = seats.register(session.pk, person(1))
    (first,) = sent_to(outbox, registration.email)
    _method, _calendar, original = calendar_of(first, tmp_path)
    outbox().clear()
    session.refresh_from_db()
    session.start_time, session.end_time = time(14, 0), time(16, 0)
    session.save()
    announce_changes(session)
    (update,) = sent_to(outbox, registration.email)
    method, _calendar, changed = calendar_of(update, tmp_path)
    (before,), (after,) = original["events"], changed["events"]
    assert method == "REQUEST" and after["uid"] == before["uid"] == registration.calendar_uid
    assert after["sequence"] > before["sequence"]
    assert instant(after["start"]).hour == 7  # 14:00 WIB
    # iCalendar counts whole seconds: the new LAST-MODIFIED is the session's change itself.
    session.refresh_from_db()
    assert instant(after["lastModified"]) == session.changed_at.replace(microsecond=0)
    assert instant(after["lastModified"]) >= instant(before["lastModified"])
    assert instant(after["dtstamp"]) >= instant(after["lastModified"])


def test_a_cancellation_is_an_inline_cancel_of_the_same_entry(session, outbox, tmp_path):
    registration = seats.register(session.pk, person(1))
    seats.cancel(registration)
    request, cancel = sent_to(outbox, registration.email)
    _method, _calendar, invited = calendar_of(request, tmp_path)
    method, _calendar, cancelled = calendar_of(cancel, tmp_path)
    assert method == "CANCEL" and cancelled["method"] == "CANCEL"
    assert invitation_parts(cancel)[1].get_filename() == "cancel.ics"
    (before,), (after,) = invited["events"], cancelled["events"]
    assert after["uid"] == before["uid"] and after["sequence"] > before["sequence"]
    assert after["status"] == "CANCELLED"


def test_registering_again_after_cancelling_is_an_entry_no_calendar_ignores(session, outbox, tmp_path):
    """Every email raises the SEQUENCE of its UID, and no UID is invited again once cancelled:
    with the session's UID in invitations, registering again after cancelling sent a REQUEST
    reviving the cancelled (and, in Google, deleted) entry; now it is a new entry."""
    first = seats.register(session.pk, person(1))
    seats.cancel(first)
    again = seats.register(session.pk, person(1))
    assert again.status == "confirmed"
    held = {}
    for message in sent_to(outbox, "orang1@example.org"):
        method, _calendar, independent = calendar_of(message, tmp_path)
        (event,) = independent["events"]
        previous = held.get(event["uid"])
        if previous is not None:
            assert previous[0] != "CANCEL", "a cancelled entry was invited again"
            assert event["sequence"] > previous[1]
        held[event["uid"]] = (method, event["sequence"])
    assert held[again.calendar_uid][0] == "REQUEST"


def test_the_joining_link_reaches_the_confirmed_registrants_calendar_only(
    make_event, outbox, client, tmp_path
):
    page = make_event(
        [{"online": True, "joining_link": "https://meet.example.org/room-42", "region": "", "capacity": 1}]
    )
    session = page.sessions.get()
    confirmed = seats.register(session.pk, person(1))
    waiting = seats.register(session.pk, person(2))
    assert waiting.status == "waitlisted"
    (invitation,) = sent_to(outbox, confirmed.email)
    _method, calendar, independent = calendar_of(invitation, tmp_path)
    assert independent["events"][0]["conference"] == ["https://meet.example.org/room-42"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == "https://meet.example.org/room-42"
    assert [str(value) for value in event["CONFERENCE"].params["FEATURE"]] == ["AUDIO", "VIDEO"]
    assert all("room-42" not in message.message().as_string() for message in sent_to(outbox, waiting.email))
    public = [
        client.get("/en/events/calendar.ics"),
        client.get(f"/en/events/{page.slug}.ics"),
        client.get(f"/en/events/sessions/{session.pk}.ics"),
    ]
    for response in public:
        assert response.status_code == 200
        assert b"room-42" not in response.content and b"CONFERENCE" not in response.content


def test_editing_the_event_title_moves_last_modified_and_dtstamp_in_the_feed(make_event, client, tmp_path):
    page = make_event()
    an_hour_ago = timezone.now() - timedelta(hours=1)  # iCalendar counts whole seconds
    Page.objects.filter(pk=page.pk).update(last_published_at=an_hour_ago)
    EventSession.objects.filter(page=page).update(changed_at=an_hour_ago)
    page.refresh_from_db()
    _calendar, before = parse_twice(tmp_path, client.get(f"/en/events/{page.slug}.ics").content)
    page.title_en = "A new title"
    page.save_revision().publish()
    _calendar, after = parse_twice(tmp_path, client.get(f"/en/events/{page.slug}.ics").content)
    (old,), (new,) = before["events"], after["events"]
    assert new["summary"] == "A new title"
    assert instant(new["lastModified"]) > instant(old["lastModified"])
    assert instant(new["dtstamp"]) > instant(old["dtstamp"])
    assert new["sequence"] == old["sequence"]  # a new title is no reason to ask again
    assert timedelta(0) <= timezone.now() - instant(new["lastModified"]) < timedelta(minutes=1)


def test_an_invitation_queued_before_inline_parts_existed_still_goes_as_before(db, outbox):
    """Rows queued by the previous release hold the calendar as a text/calendar file."""
    OutgoingEmail.objects.create(
        to="lama@example.org",
        subject="Old invitation",
        body="Text.",
        attachments=[
            {
                "filename": "invite.ics",
                "content": "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
                "mimetype": "text/calendar",
                "params": {"method": "REQUEST"},
            }
        ],
    )
    (message,) = sent_to(outbox, "lama@example.org")
    (part,) = [part for part in parsed(message).walk() if part.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST" and part.get_filename() == "invite.ics"
    assert message.body == "Text."
