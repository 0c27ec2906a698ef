"""Registrants hear of a changed or cancelled session from the publish that changes it,
once, and never from a script or bulk edit that saves the session row."""

import re
from datetime import time

import pytest

from agenda import registration as seats
from agenda.models import EventSession
from agenda.session_changes import announce_changes
from core.models import OutgoingEmail

from .conftest import person
from .editing import edit_form, editor_data
from .test_ics import calendar_attachments


@pytest.fixture
def publisher(make_user):
    return make_user("penerbit", is_staff=True, is_superuser=True)


@pytest.fixture
def registrants(session):
    confirmed = seats.register(session.pk, person(1, language="en"))
    waiting = [seats.register(session.pk, person(number)) for number in range(2, 5)][-1]
    assert (confirmed.status, waiting.status) == ("confirmed", "waitlisted")
    return confirmed, waiting


def publish_in_admin(client, user, session, **changes):
    """Post the page editor's form with the session's fields changed and press Publish."""
    page = session.page.specific
    form = edit_form(page, user)
    index = [part.instance.pk for part in form.formsets["sessions"].forms].index(session.pk)
    data = editor_data(form)
    data.update({f"sessions-{index}-{name}": value for name, value in changes.items()})
    client.force_login(user)
    response = client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_saving_or_updating_a_session_from_a_script_sends_no_email(session, registrants, outbox):
    outbox().clear()
    queued = OutgoingEmail.objects.count()
    session.refresh_from_db()
    session.start_time = time(13, 0)
    session.save()
    session.status = "cancelled"
    session.save()
    EventSession.objects.filter(pk=session.pk).update(venue_name="Aula lain", status="postponed")
    assert OutgoingEmail.objects.count() == queued
    assert outbox() == []
    # Calendars still see the change: the sequence went up.
    assert EventSession.objects.get(pk=session.pk).sequence == 2


def test_a_script_announces_its_change_once_with_the_service(session, registrants, outbox):
    confirmed, waiting = registrants
    outbox().clear()
    session.refresh_from_db()
    session.start_time = time(13, 0)
    session.end_time = time(15, 0)
    session.save()
    assert announce_changes(session) == "updated"
    assert announce_changes(session) is None
    sent = outbox()
    assert sorted(message.to[0] for message in sent) == sorted(
        registration.email for registration in EventSession.objects.get(pk=session.pk).registrations.all()
    )
    (to_confirmed,) = [message for message in sent if message.to == [confirmed.email]]
    assert [method for method, _text in calendar_attachments(to_confirmed)] == ["REQUEST"]
    (to_waiting,) = [message for message in sent if message.to == [waiting.email]]
    assert calendar_attachments(to_waiting) == []


def test_publishing_a_changed_session_in_the_admin_tells_each_registrant_once(
    client, publisher, session, registrants, outbox
):
    confirmed, waiting = registrants
    outbox().clear()
    publish_in_admin(client, publisher, session, start_time="13:00", end_time="15:00")
    session.refresh_from_db()
    assert session.start_time == time(13, 0) and session.sequence == 1
    sent = outbox()
    assert sorted(message.to[0] for message in sent) == sorted(
        f"orang{number}@example.org" for number in range(1, 5)
    )
    (to_confirmed,) = [message for message in sent if message.to == [confirmed.email]]
    assert "Session changed" in to_confirmed.subject
    assert [method for method, _text in calendar_attachments(to_confirmed)] == ["REQUEST"]
    # The email says the time it had and the time it has (the registrant reads English).
    assert "The time has changed." in to_confirmed.body
    assert re.search(r"Old time: \w+, \w+ \d+, \d{4}, 09:00–12:00 WIB\n", to_confirmed.body)
    assert re.search(r"New time: \w+, \w+ \d+, \d{4}, 13:00–15:00 WIB\n", to_confirmed.body)
    (to_waiting,) = [message for message in sent if message.to == [waiting.email]]
    assert calendar_attachments(to_waiting) == []

    # Publishing again, unchanged, or republishing the revision tells nobody anything new.
    outbox().clear()
    publish_in_admin(client, publisher, session)
    session.page.get_latest_revision().publish()
    assert outbox() == []


def test_cancelling_in_the_admin_sends_a_calendar_cancellation(
    client, publisher, session, registrants, outbox
):
    confirmed, _waiting = registrants
    outbox().clear()
    publish_in_admin(client, publisher, session, status="cancelled")
    sent = outbox()
    (to_confirmed,) = [message for message in sent if message.to == [confirmed.email]]
    assert "Session cancelled" in to_confirmed.subject
    assert [method for method, _text in calendar_attachments(to_confirmed)] == ["CANCEL"]
    assert len(sent) == 4


def test_a_change_saved_by_a_script_is_announced_by_the_next_publish(
    client, publisher, session, registrants, outbox
):
    outbox().clear()
    session.refresh_from_db()
    session.venue_name = "Aula baru"
    session.save()
    assert outbox() == []
    publish_in_admin(client, publisher, session)
    sent = outbox()
    assert len(sent) == 4
    # A new place, the same time: no old time to state.
    assert all("Old time:" not in message.body and "Waktu lama" not in message.body for message in sent)


def test_the_time_told_follows_each_announcement_and_survives_a_revision(
    client, publisher, session, registrants, outbox
):
    confirmed, _waiting = registrants
    publish_in_admin(client, publisher, session, start_time="13:00", end_time="15:00")
    publish_in_admin(client, publisher, session, start_time="14:00", end_time="16:00")
    session.refresh_from_db()
    assert (session.announced_start, session.announced_end) == (session.start, session.end)
    last = [message for message in outbox() if message.to == [confirmed.email]][-1]
    assert "13:00–15:00 WIB" in last.body and "14:00–16:00 WIB" in last.body
    assert "09:00" not in last.body
