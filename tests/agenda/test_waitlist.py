"""The waitlist is a fair queue: freed seats are offered in order, only while an offer can
still be used, and the people still waiting are told when offers stop (issue 20)."""

from datetime import timedelta

import pytest

from agenda import conf, tasks
from agenda import registration as seats
from agenda.models import Registration
from core.models import OutgoingEmail
from tests.helpers import url_in

from .conftest import person
from .test_session_changes import publish_in_admin, publisher  # noqa: F401 - fixture


def status(registration):
    return Registration.objects.get(pk=registration.pk).status


def emails_to(registration):
    return OutgoingEmail.objects.filter(to=registration.email).count()


def full_with_one_waiting(session):
    """The fixture's 3 seats taken by three people, a fourth waiting."""
    people = [seats.register(session.pk, person(number)) for number in range(4)]
    assert status(people[3]) == "waitlisted"
    return people


def test_a_cancellation_after_the_start_offers_nothing(session):
    people = full_with_one_waiting(session)
    seats.cancel(people[0], now=session.start + timedelta(hours=1))
    assert status(people[3]) == "waitlisted"
    assert emails_to(people[3]) == 1  # the waitlist email only, no offer


def test_no_offer_within_the_cutoff_before_the_start(session):
    people = full_with_one_waiting(session)
    cutoff = session.start - timedelta(hours=conf.get("OFFER_CUTOFF_HOURS"))
    seats.cancel(people[0], now=cutoff + timedelta(minutes=1))
    assert status(people[3]) == "waitlisted"


def test_an_offer_never_holds_past_the_cutoff_and_never_ends_in_the_past(session):
    people = full_with_one_waiting(session)
    cutoff = session.start - timedelta(hours=conf.get("OFFER_CUTOFF_HOURS"))
    now = cutoff - timedelta(hours=5)
    seats.cancel(people[0], now=now)
    offer = Registration.objects.get(pk=people[3].pk)
    assert offer.status == "offered"
    assert now < offer.offer_expires_at == cutoff


def test_an_offer_expiring_at_the_cutoff_is_not_passed_on_and_the_waitlist_is_told_once(session):
    people = full_with_one_waiting(session)
    fifth = seats.register(session.pk, person(5))
    cutoff = session.start - timedelta(hours=conf.get("OFFER_CUTOFF_HOURS"))
    seats.cancel(people[0], now=cutoff - timedelta(hours=1))
    assert status(people[3]) == "offered"
    for minutes in (0, 5, 10, 60 * 24 * 20):  # ticks at the cut-off, after it, and long after the end
        tasks.tick(now=cutoff + timedelta(minutes=minutes))
    assert status(people[3]) == "expired"
    assert status(fifth) == "no_seat"
    assert emails_to(fifth) == 2  # "you are on the waitlist", then "no seat became free"
    assert emails_to(people[3]) == 3  # waitlisted, offered, expired


def test_once_offers_have_stopped_a_full_session_takes_nobody_onto_the_waitlist(session):
    full_with_one_waiting(session)
    cutoff = session.start - timedelta(hours=conf.get("OFFER_CUTOFF_HOURS"))
    with pytest.raises(seats.RegistrationError):
        seats.register(session.pk, person(9), now=cutoff + timedelta(minutes=1))


def test_past_the_cutoff_a_full_session_no_longer_invites_to_the_waitlist(client, session, settings):
    full_with_one_waiting(session)
    register = url_in(session.page, "en") + f"register/{session.pk}/"
    assert "Full: join the waitlist" in client.get(register).content.decode()
    settings.SINERGI_LIMITS = {"agenda": {"OFFER_CUTOFF_HOURS": 24 * 30}}  # the session is 10 days away
    html = client.get(register).content.decode()
    assert "Full: join the waitlist" not in html and "you join the waitlist" not in html


def test_a_waitlisted_group_that_shrinks_to_fit_gets_the_free_seat(session):
    seats.register(session.pk, person(1, kind="group", organisation="A", people=2))
    group = seats.register(
        session.pk, person(2, kind="group", organisation="B", people=3), join_waitlist_if_short=True
    )
    assert status(group) == "waitlisted"
    seats.change_size(group, 1)
    assert status(group) == "offered"


def test_a_group_that_does_not_fit_keeps_its_place_while_a_smaller_request_behind_it_gets_the_seat(session):
    people = [seats.register(session.pk, person(number)) for number in range(3)]
    group = seats.register(session.pk, person(3, kind="group", organisation="B", people=2))
    single = seats.register(session.pk, person(4))
    seats.cancel(people[0])
    assert (status(group), status(single)) == ("waitlisted", "offered")
    seats.cancel(people[1])
    seats.cancel(single)  # now 2 seats are free: the group comes first
    assert status(group) == "offered"


def test_raising_the_capacity_in_the_editor_offers_the_new_seats_in_order(client, session, publisher):  # noqa: F811
    people = [seats.register(session.pk, person(number)) for number in range(7)]
    assert [status(p) for p in people[3:]] == ["waitlisted"] * 4
    publish_in_admin(client, publisher, session, capacity="6")
    assert [status(p) for p in people[3:]] == ["offered", "offered", "offered", "waitlisted"]
