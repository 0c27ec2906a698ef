"""Honest answers to groups: too large for the session, larger than the seats left, and the
form's limit taken from the session (issue 20)."""

import pytest
from django.core.cache import cache
from django.utils import translation

from agenda import registration as seats
from agenda.forms import RegistrationForm
from agenda.models import Registration

from .conftest import person
from .test_registration_pages import FORM, register_url

GROUP = {**FORM, "kind": "group", "organisation": "Komunitas Pelita"}


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.fixture(autouse=True)
def _in_english(session):
    """Answers read in English (after the session's page is made in the source language)."""
    with translation.override("en"):
        yield


def test_a_group_larger_than_the_session_is_refused_with_its_number_of_seats(session):
    with pytest.raises(seats.RegistrationError) as refused:
        seats.register(
            session.pk, person(1, kind="group", organisation="A", people=4), join_waitlist_if_short=True
        )
    assert refused.value.field == "people" and "3 seats" in str(refused.value.message)
    assert not Registration.objects.filter(session=session).exists()


def test_a_waitlisted_group_cannot_grow_beyond_the_session(session):
    [seats.register(session.pk, person(number)) for number in range(3)]
    group = seats.register(session.pk, person(3, kind="group", organisation="B", people=2))
    with pytest.raises(seats.RegistrationError):
        seats.change_size(group, 4)


def test_the_forms_maximum_is_the_sessions_capacity(session):
    form = RegistrationForm(session=session)
    assert form.fields["people"].widget.attrs["max"] == 3
    posted = RegistrationForm({**GROUP, "people": "4"}, session=session)
    assert not posted.is_valid() and "3 seats" in str(posted.errors["people"])


def test_a_group_larger_than_the_seats_left_is_told_and_offered_the_waitlist(client, session):
    client.post(register_url(session), {**FORM, "email": "one@example.org"})
    response = client.post(register_url(session), {**GROUP, "people": "3"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "Only 2 seats are left" in html
    assert 'name="waitlist_group" value="3"' in html
    assert not Registration.objects.filter(email=FORM["email"]).exists()
    waiting = client.post(register_url(session), {**GROUP, "people": "3", "waitlist_group": "3"})
    assert waiting.status_code == 302
    assert Registration.objects.get(email=FORM["email"]).status == "waitlisted"
    page = client.get(waiting["Location"]).content.decode()
    assert "The session is full" not in page and "on the waitlist" in page


def test_unticking_the_waitlist_is_respected_when_full(client, session):
    for number in range(3):
        client.post(register_url(session), {**FORM, "email": f"p{number}@example.org"})
    response = client.post(register_url(session), {**FORM, "join_waitlist": ""})
    assert response.status_code == 409
    assert not Registration.objects.filter(email=FORM["email"]).exists()
