"""Undoing a cancellation while seats are free: a new confirmed registration with the same
details, its own link and calendar entry; never ahead of someone waiting."""

from datetime import timedelta

from django.urls import reverse
from django.utils import translation

from agenda import registration as seats
from agenda.models import Registration

from .conftest import person
from .test_invitations import calendar_of, sent_to


def url_of(registration):
    with translation.override("en"):
        return reverse("agenda:registration", kwargs={"token": registration.token})


def page_of(client, registration):
    return client.get(url_of(registration))


def take_back(client, registration):
    return client.post(url_of(registration), {"action": "take_back"})


def test_a_cancelled_place_is_taken_back_while_seats_remain(session, client, outbox, tmp_path):
    cancelled = seats.cancel(
        seats.register(session.pk, person(1, kind="group", organisation="Pelita", people=2))
    )
    assert "Take my place back" in page_of(client, cancelled).content.decode()
    response = take_back(client, cancelled)
    assert response.status_code == 302
    restored = Registration.objects.get(email="orang1@example.org", status="confirmed")
    assert response["Location"] == url_of(restored) + "?new=1"
    assert (restored.kind, restored.organisation, restored.people) == ("group", "Pelita", 2)
    assert Registration.objects.get(pk=cancelled.pk).status == "cancelled"
    assert client.get(response["Location"]).status_code == 200
    # A new calendar entry: the cancelled one is not revived.
    *_earlier, confirmation = sent_to(outbox, "orang1@example.org")
    method, _calendar, independent = calendar_of(confirmation, tmp_path)
    assert (
        method == "REQUEST"
        and independent["events"][0]["uid"] == restored.calendar_uid != cancelled.calendar_uid
    )
    # Taking back twice does nothing more.
    assert take_back(client, cancelled).status_code == 409
    assert Registration.objects.filter(email="orang1@example.org", status="confirmed").count() == 1


def test_seats_that_went_to_the_waitlist_are_not_taken_back(session, client, outbox):
    holders = [seats.register(session.pk, person(number)) for number in range(1, 4)]
    waiting = seats.register(session.pk, person(4))
    assert waiting.status == "waitlisted"
    cancelled = seats.cancel(holders[0])
    assert Registration.objects.get(pk=waiting.pk).status == "offered"  # the seat went to the queue
    assert "Take my place back" not in page_of(client, cancelled).content.decode()
    outbox().clear()
    response = take_back(client, cancelled)
    assert response.status_code == 409
    assert "The seats are no longer free" in response.content.decode()
    assert Registration.objects.filter(email="orang1@example.org", status="confirmed").count() == 0
    assert outbox() == []


def test_no_taking_back_once_registration_has_closed(session):
    cancelled = seats.cancel(seats.register(session.pk, person(1)))
    assert cancelled.may_take_back()
    assert not cancelled.may_take_back(now=session.start + timedelta(minutes=1))
    session.status = "postponed"
    session.save()
    cancelled.refresh_from_db()
    assert not cancelled.may_take_back()


def test_accepting_an_offer_that_expired_is_answered_not_an_error_page(session, client):
    """The refusal went to the page's unbound resize form, which cannot take errors: a 500."""
    holders = [seats.register(session.pk, person(number)) for number in range(1, 4)]
    waiting = seats.register(session.pk, person(4, language="en"))
    seats.cancel(holders[0])
    Registration.objects.filter(pk=waiting.pk).update(offer_expires_at=session.start - timedelta(days=30))
    response = client.post(url_of(waiting), {"action": "accept"})
    assert response.status_code == 409
    assert Registration.objects.get(pk=waiting.pk).status == "expired"
