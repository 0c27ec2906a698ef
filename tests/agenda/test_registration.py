"""The rules of seats: capacity, waitlist, offers, changes, cancellations, check-in."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from agenda import registration as seats
from agenda.models import Registration
from core.signed_links import LinkError

from .conftest import person


def test_registrations_fill_the_seats_then_the_waitlist(session):
    statuses = [seats.register(session.pk, person(number)).status for number in range(5)]
    assert statuses == ["confirmed", "confirmed", "confirmed", "waitlisted", "waitlisted"]
    session.refresh_from_db()
    assert session.seats_taken() == 3 and session.seats_left() == 0


def test_a_group_counts_against_capacity_and_a_too_large_group_is_told_how_many_seats_are_left(session):
    seats.register(session.pk, person(1, kind="group", organisation="Komunitas A", people=2))
    with pytest.raises(seats.RegistrationError) as refused:
        seats.register(session.pk, person(2, kind="group", organisation="Komunitas B", people=2))
    assert refused.value.field == "people"
    assert "1" in str(refused.value.message)
    assert Registration.objects.filter(session=session).count() == 1  # nothing half-saved
    waiting = seats.register(
        session.pk, person(2, kind="group", organisation="Komunitas B", people=2), join_waitlist_if_short=True
    )
    assert waiting.status == "waitlisted"


def test_one_registration_per_email_per_session_whatever_the_case(session):
    seats.register(session.pk, person(1))
    with pytest.raises(seats.RegistrationError) as refused:
        seats.register(session.pk, person(1, email="ORANG1@Example.org"))
    assert refused.value.field == "email"


def test_cancelled_and_closed_sessions_take_no_registrations(make_event):
    page = make_event(
        [
            {"status": "cancelled"},
            {"registration_closes": timezone.now() - timedelta(hours=1)},
            {"registration_opens": timezone.now() + timedelta(days=1)},
            {"status": "postponed"},
        ]
    )
    for session in page.sessions.all():
        with pytest.raises(seats.RegistrationError):
            seats.register(session.pk, person(1))
    assert not Registration.objects.filter(session__page=page).exists()


def test_cancelling_frees_seats_at_once_and_offers_them_in_order(session, outbox):
    people = [seats.register(session.pk, person(number)) for number in range(6)]
    seats.cancel(people[0])
    offered = Registration.objects.get(pk=people[3].pk)
    assert offered.status == "offered"
    assert offered.offer_expires_at > timezone.now() + timedelta(hours=47)
    assert Registration.objects.get(pk=people[4].pk).status == "waitlisted"
    session.refresh_from_db()
    assert session.seats_taken() == 3  # the offer holds the seat
    newcomer = seats.register(session.pk, person(99))
    assert newcomer.status == "waitlisted"  # a newcomer cannot take the held seat
    subjects = [message.subject for message in outbox()]
    assert any("seat is free" in subject.lower() or "kursi" in subject.lower() for subject in subjects)


def test_an_offer_can_be_accepted_until_it_expires_then_it_passes_on(session):
    people = [seats.register(session.pk, person(number)) for number in range(5)]
    seats.cancel(people[0])
    seats.cancel(people[1])
    first, second = (Registration.objects.get(pk=people[index].pk) for index in (3, 4))
    assert first.status == second.status == "offered"
    assert seats.accept_offer(first).status == "confirmed"
    later = second.offer_expires_at + timedelta(minutes=1)
    newcomer = seats.register(session.pk, person(7), now=timezone.now())
    assert newcomer.status == "waitlisted"
    with pytest.raises(seats.RegistrationError):
        seats.accept_offer(second, now=later)
    assert Registration.objects.get(pk=second.pk).status == "expired"
    assert Registration.objects.get(pk=newcomer.pk).status == "offered"


def test_the_periodic_job_expires_offers(session):
    people = [seats.register(session.pk, person(number)) for number in range(4)]
    seats.cancel(people[0])
    offer = Registration.objects.get(pk=people[3].pk)
    Registration.objects.filter(pk=offer.pk).update(offer_expires_at=timezone.now() - timedelta(seconds=1))
    output = io.StringIO()
    call_command("run_periodic", "--once", "--force", "agenda.offers_and_reminders", stdout=output)
    assert "offers expired 1" in output.getvalue()
    assert Registration.objects.get(pk=offer.pk).status == "expired"


def test_a_group_can_shrink_and_frees_seats_or_grow_only_into_free_seats(session):
    group = seats.register(session.pk, person(1, kind="group", organisation="Komunitas", people=3))
    waiting = seats.register(session.pk, person(2))
    seats.change_size(group, 2)
    assert Registration.objects.get(pk=waiting.pk).status == "offered"
    with pytest.raises(seats.RegistrationError):
        seats.change_size(group, 3)
    assert Registration.objects.get(pk=group.pk).people == 2


def test_check_in_is_idempotent(session):
    registration = seats.register(session.pk, person(1))
    first = seats.check_in(registration).checked_in_at
    again = seats.check_in(registration, now=timezone.now() + timedelta(minutes=5)).checked_in_at
    assert first is not None and again == first


def test_signed_links_reject_tampering_and_revocation(session):
    registration = seats.register(session.pk, person(1))
    token = registration.token
    assert Registration.from_token(token) == registration
    for bad in (token[:-2] + "xx", "nonsense"):
        with pytest.raises(LinkError) as error:
            Registration.from_token(bad)
        assert error.value.reason == LinkError.TAMPERED
    Registration.objects.filter(pk=registration.pk).update(secret="replaced")
    with pytest.raises(LinkError) as error:
        Registration.from_token(token)
    assert error.value.reason == LinkError.USED
