"""Who sees a joining link, who may change a registration, when a session is full:
model methods the templates only call."""

from datetime import timedelta

import pytest
from django.urls import reverse

from agenda import registration as seats
from agenda.models import EventSession, Registration

from .conftest import person

ONLINE = {"online": True, "joining_link": "https://meet.example.org/room-7", "region": "", "capacity": 1}


def test_only_a_confirmed_place_at_a_scheduled_online_session_sees_the_joining_link(make_event):
    session = make_event([ONLINE]).sessions.get()
    confirmed = seats.register(session.pk, person(1))
    waiting = seats.register(session.pk, person(2))
    assert confirmed.may_see_joining_link()
    assert not waiting.may_see_joining_link()
    EventSession.objects.filter(pk=session.pk).update(status="postponed")
    assert not Registration.objects.get(pk=confirmed.pk).may_see_joining_link()


def test_a_session_at_a_venue_has_no_joining_link_to_show(session):
    assert not seats.register(session.pk, person(1)).may_see_joining_link()


def test_the_confirmation_email_carries_the_link_only_for_those_who_may_see_it(make_event, outbox):
    session = make_event([ONLINE]).sessions.get()
    seats.register(session.pk, person(1))
    seats.register(session.pk, person(2))
    to_confirmed, to_waiting = outbox()
    assert "room-7" in to_confirmed.body
    assert "room-7" not in to_waiting.body


def test_offered_seats_count_when_a_session_is_full(session, make_user, client):
    people = [seats.register(session.pk, person(number)) for number in range(4)]
    session.refresh_from_db()
    assert session.is_full() and session.seats_left() == 0
    seats.cancel(people[0])
    session.refresh_from_db()
    assert Registration.objects.get(pk=people[3].pk).status == "offered"
    assert session.is_full()  # the offered seat is held for the person it was offered to
    client.force_login(make_user("organiser", "Event organisers"))
    html = client.get(reverse("agenda_admin_sessions")).content.decode()
    row = html[html.index(f"/admin/events/sessions/{session.pk}/") :].split("</tr>")[0]
    assert "(full)" in row or "(penuh)" in row


def test_a_registration_may_be_changed_while_active_until_the_session_ends(session):
    registration = seats.register(session.pk, person(1))
    assert registration.may_change()
    assert not registration.may_change(now=session.end + timedelta(minutes=1))
    EventSession.objects.filter(pk=session.pk).update(status="cancelled")
    assert not Registration.objects.get(pk=registration.pk).may_change()


def test_a_cancelled_registration_may_not_be_changed(session):
    registration = seats.cancel(seats.register(session.pk, person(1)))
    assert not registration.may_change()


def test_only_a_group_may_change_its_number_of_people(session):
    individual = seats.register(session.pk, person(1))
    group = seats.register(session.pk, person(2, kind="group", organisation="Komunitas"))
    assert group.may_change_size() and not individual.may_change_size()
    with pytest.raises(seats.RegistrationError):
        seats.change_size(individual, 2)
    assert Registration.objects.get(pk=individual.pk).people == 1


def test_the_page_offers_the_waitlist_when_the_session_is_full(client, make_event):
    session = make_event([{"capacity": 1}]).sessions.get()
    page_url = session.page.url
    button = '">{}<span class="visually-hidden">'
    assert button.format("Daftar") in client.get(page_url).content.decode()
    seats.register(session.pk, person(1))
    assert button.format("Masuk daftar tunggu") in client.get(page_url).content.decode()
