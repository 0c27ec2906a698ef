"""Registering through the form, and the self-service page behind the signed link."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from agenda import registration as seats
from agenda.models import Registration
from tests.helpers import assert_link_no_longer_works, url_in

from .conftest import person

FORM = {
    "kind": "individual",
    "name": "Siti Rahma",
    "organisation": "",
    "people": "1",
    "email": "siti@example.org",
    "phone": "",
    "language": "en",
    "accessibility_needs": "",
    "join_waitlist": "on",
    "consent": "on",
    "website": "",
}


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def register_url(session, language="en"):
    return url_in(session.page, language) + f"register/{session.pk}/"


def test_register_then_manage_then_cancel(client, session, outbox):
    response = client.post(register_url(session), FORM)
    assert response.status_code == 302
    registration = Registration.objects.get(email="siti@example.org")
    assert registration.status == "confirmed" and registration.language == "en"
    page = client.get(response["Location"])
    assert "You are registered" in page.content.decode()
    (email,) = outbox()
    # The link is signed with a timestamp, so it is compared by whom it opens, not by its text.
    (token,) = re.findall(r"/events/registration/([^/\s]+)/", email.body)
    assert Registration.from_token(token) == registration
    cancelled = client.post(response["Location"].split("?")[0], {"action": "cancel"})
    assert cancelled.status_code == 200
    assert Registration.objects.get(pk=registration.pk).status == "cancelled"


def test_a_group_registers_with_its_size_and_can_change_it(client, session):
    data = {**FORM, "kind": "group", "organisation": "Komunitas Pelita", "people": "2"}
    response = client.post(register_url(session), data)
    registration = Registration.objects.get(email="siti@example.org")
    assert registration.people == 2 and registration.organisation == "Komunitas Pelita"
    manage = response["Location"].split("?")[0]
    too_many = client.post(manage, {"action": "resize", "people": "5"})
    assert too_many.status_code == 400 and "This session has 3 seats in all" in too_many.content.decode()
    assert client.post(manage, {"action": "resize", "people": "3"}).status_code == 200
    assert Registration.objects.get(pk=registration.pk).people == 3


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, session):
    data = {**FORM, "email": "not-an-email", "consent": "", "accessibility_needs": "Juru bahasa isyarat"}
    response = client.post(register_url(session), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Siti Rahma"' in html and "Juru bahasa isyarat" in html
    assert "Enter an email address like name@example.org." in html
    assert "We need your agreement" in html
    assert 'aria-invalid="true"' in html
    assert not Registration.objects.exists() or not Registration.objects.filter(email="not-an-email").exists()


def test_a_group_needs_a_name_and_an_individual_is_one_person(client, session):
    group = client.post(register_url(session), {**FORM, "kind": "group", "people": "3"})
    assert "Give the name of the group" in group.content.decode()
    individual = client.post(register_url(session), {**FORM, "people": "3"})
    assert "choose “A community group”" in individual.content.decode()


def test_duplicate_email_and_too_large_group_are_explained_in_the_readers_language(client, session):
    client.post(register_url(session), FORM)
    again = client.post(register_url(session, "id"), FORM)
    assert again.status_code == 409
    assert "sudah terdaftar" in again.content.decode()
    client.post(register_url(session), {**FORM, "email": "b@example.org"})
    short = client.post(
        register_url(session),
        {
            **FORM,
            "email": "c@example.org",
            "kind": "group",
            "organisation": "X",
            "people": "3",
            "join_waitlist": "",
        },
    )
    assert short.status_code == 409 and "Only 1 seat is left" in short.content.decode()
    assert 'value="X"' in short.content.decode()


def test_closed_session_shows_why(client, make_event):
    session = make_event([{"registration_closes": timezone.now() - timedelta(minutes=1)}]).sessions.get()
    response = client.get(register_url(session))
    assert "Registration closed" in response.content.decode()
    posted = client.post(register_url(session), FORM)
    assert posted.status_code == 409 and not Registration.objects.filter(session=session).exists()


def test_honeypot_stores_nothing(client, session):
    response = client.post(register_url(session), {**FORM, "website": "http://spam.example"})
    assert response.status_code == 200
    assert not Registration.objects.filter(session=session).exists()


def test_registrations_are_rate_limited_per_address(client, make_event):
    session = make_event([{"capacity": 100}]).sessions.get()
    statuses = [
        client.post(register_url(session), {**FORM, "email": f"p{number}@example.org"}).status_code
        for number in range(22)
    ]
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429
    assert Registration.objects.filter(session=session).count() == 20


def test_operators_retune_the_registration_limit_from_the_environment(client, make_event, monkeypatch):
    monkeypatch.setenv("SINERGI_AGENDA_REGISTRATIONS_PER_HOUR", "2")
    session = make_event([{"capacity": 100}]).sessions.get()
    statuses = [
        client.post(register_url(session), {**FORM, "email": f"p{number}@example.org"}).status_code
        for number in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_tampered_link_gets_a_clear_page(client, session):
    response = client.get("/en/events/registration/123.abc:xyz/")  # an old-format link, too
    assert_link_no_longer_works(response, "en")


def test_joining_link_only_for_confirmed_registrants(client, make_event):
    session = make_event(
        [{"online": True, "joining_link": "https://meet.example.org/room-42", "region": "", "capacity": 1}]
    ).sessions.get()
    first = client.post(register_url(session), FORM)["Location"]
    second = client.post(register_url(session), {**FORM, "email": "two@example.org"})["Location"]
    assert "room-42" in client.get(first).content.decode()
    assert "room-42" not in client.get(second).content.decode()
    assert "room-42" not in client.get(url_in(session.page, "en")).content.decode()


def test_accepting_an_offer_on_the_page(client, session):
    locations = [
        client.post(register_url(session), {**FORM, "email": f"q{n}@example.org"})["Location"]
        for n in range(4)
    ]
    client.post(locations[0].split("?")[0], {"action": "cancel"})
    offer_page = client.get(locations[3]).content.decode()
    assert "A seat is free for you" in offer_page
    client.post(locations[3].split("?")[0], {"action": "accept"})
    assert Registration.objects.get(email="q3@example.org").status == "confirmed"


@pytest.mark.parametrize("language", ["ar", "id"])
def test_a_tampered_or_revoked_link_gets_the_one_page_and_changes_nothing(client, session, language):
    registration = seats.register(session.pk, person(1))
    token = registration.token

    def cancel_with(link_token):
        with translation.override(language):
            path = reverse("agenda:registration", kwargs={"token": link_token})
        return client.post(path, {"action": "cancel"})

    assert_link_no_longer_works(cancel_with(token[:-3] + "abc"), language)
    Registration.objects.filter(pk=registration.pk).update(secret="replaced")  # revokes old links
    assert_link_no_longer_works(cancel_with(token), language)
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
