"""Capacity holds when many people press the button at the same moment (PostgreSQL).

Every attempt is its own thread with its own database connection, as in
production. The test's own transaction is never used: the session is created and
removed from a separate thread too, so it is committed and visible to all.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time, timedelta

import pytest
from django.db import connection, connections

from agenda import registration as seats
from agenda.models import EventIndexPage, EventPage, EventSession, Registration
from core.models import OutgoingEmail
from tests.helpers import in_thread

ATTEMPTS = 200
SEATS = 50

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks are PostgreSQL's; `make test` runs this file again on PostgreSQL",
)


def create_session():
    page = EventPage(
        title="Uji serentak", slug="uji-serentak", summary="Uji.", kind="seminar", languages=["id"]
    )
    page.sessions.add(
        EventSession(
            date=date.today() + timedelta(days=30),
            start_time=time(9),
            end_time=time(12),
            venue_name="Aula",
            address="Jl. Uji",
            region="DKI Jakarta",
            capacity=SEATS,
        )
    )
    EventIndexPage.objects.get().add_child(instance=page)
    return page.sessions.get()


def remove_session(session):
    Registration.objects.filter(session=session).delete()
    OutgoingEmail.objects.filter(to__endswith="@serentak.example.org").delete()
    EventPage.objects.get(pk=session.page_id).delete()


@pytest.fixture
def committed_session(db):
    session = in_thread(create_session)
    yield session
    in_thread(remove_session, session)


def attempt(session_id, number, barrier):
    barrier.wait()
    try:
        return seats.register(
            session_id,
            {"name": f"Orang {number}", "email": f"orang{number}@serentak.example.org", "consent": True},
        ).status
    finally:
        connections.close_all()


def check_and_cancel_five(session):
    registrations = Registration.objects.filter(session=session)
    assert registrations.filter(status="confirmed").count() == SEATS
    assert session.seats_taken() == SEATS
    confirmed = list(registrations.filter(status="confirmed").order_by("?")[:5])
    with ThreadPoolExecutor(max_workers=5) as pool:
        list(pool.map(lambda registration: in_thread(seats.cancel, registration), confirmed))
    assert registrations.filter(status="offered").count() == 5
    assert session.seats_taken() == SEATS
    first_waiting = registrations.filter(status__in=["offered", "waitlisted"]).order_by("created_at", "id")[
        :5
    ]
    assert {registration.status for registration in first_waiting} == {"offered"}


def test_200_simultaneous_attempts_for_50_seats_then_5_cancellations(committed_session):
    barrier = threading.Barrier(ATTEMPTS)
    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        statuses = list(
            pool.map(lambda number: attempt(committed_session.pk, number, barrier), range(ATTEMPTS))
        )
    assert statuses.count("confirmed") == SEATS
    assert statuses.count("waitlisted") == ATTEMPTS - SEATS
    in_thread(check_and_cancel_five, committed_session)
