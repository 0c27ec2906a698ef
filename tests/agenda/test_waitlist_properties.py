"""The waitlist's rules hold whatever happens, in any order (issue 20).

Hypothesis drives random sequences of registrations (people and groups, with or without
the waitlist), cancellations, group size changes, capacity raises, accepted offers and
time passing and the periodic job (expiring offers, closing waitlists) against one
session, through the real services and database. After every step:

- the seats taken never exceed the capacity;
- nobody behind a waitlisted registration that would fit was seated first, and while
  offers are open no waitlisted registration fits in the seats left;
- no offer is made after the cut-off, and every offer's deadline lies between now and
  the cut-off;
- every change of a registration's state (status or size) sends its registrant exactly
  one email, and nothing else sends any.

It runs on SQLite in the fast suite and again on PostgreSQL (``TEST_DATABASE=postgres``).
"""

import contextlib
import itertools
from datetime import time, timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agenda import registration as seats
from agenda.models import EventSession, Registration
from core.models import OutgoingEmail

_examples = itertools.count(1)

STEPS = st.one_of(
    st.tuples(st.just("register"), st.integers(1, 4), st.booleans(), st.booleans()),
    st.tuples(st.just("cancel"), st.integers(0, 30)),
    st.tuples(st.just("resize"), st.integers(0, 30), st.integers(1, 5)),
    st.tuples(st.just("raise"), st.integers(1, 3)),
    st.tuples(st.just("accept"), st.integers(0, 30)),
    st.tuples(st.just("time_passes"), st.integers(1, 40)),
    st.tuples(st.just("job_runs")),
)


class Run:
    """One session, its clock and what the checks compare between steps."""

    def __init__(self, page):
        self.example = next(_examples)
        start_day = (timezone.now() + timedelta(days=3)).date()
        self.session = EventSession(
            page=page,
            date=start_day,
            start_time=time(9),
            end_time=time(12),
            venue_name="Aula",
            address="Jl. Uji",
            region="DKI Jakarta",
            capacity=4,
        )
        self.session.save()
        self.now = self.session.start - timedelta(hours=72)  # the cut-off is 70 hours away
        self.people = itertools.count(1)
        self.registrations = []  # pks in the order they were made

    def address(self, number):
        return f"p{self.example}-{number}@sifat.example.org"

    def registration(self, index):
        return Registration(
            pk=self.registrations[index % len(self.registrations)], session_id=self.session.pk
        )

    def snapshot(self):
        rows = Registration.objects.filter(session=self.session).order_by("created_at", "id")
        return {row.pk: row for row in rows}

    def do(self, step):
        kind, *values = step
        if kind == "register":
            people, group, join_waitlist = values
            number = next(self.people)
            details = {"name": f"Orang {number}", "email": self.address(number), "consent": True}
            if group:
                details.update(kind="group", organisation="Komunitas", people=people)
            try:
                created = seats.register(
                    self.session.pk,
                    details,
                    join_waitlist=join_waitlist,
                    join_waitlist_if_short=join_waitlist,
                    now=self.now,
                )
            except seats.RegistrationError:
                return
            self.registrations.append(created.pk)
            return
        if kind == "time_passes":  # the periodic job may not have run yet
            self.now += timedelta(hours=values[0])
            return
        if kind == "job_runs":  # what agenda.offers_and_reminders changes
            seats.expire_offers(self.now)
            seats.close_waitlists(self.now)
            return
        if kind == "raise":
            EventSession.objects.filter(pk=self.session.pk).update(capacity=self.session.capacity + values[0])
            self.session.refresh_from_db()
            seats.offer_free_seats(self.session.pk, now=self.now)  # what publishing the page calls
            return
        if not self.registrations:
            return
        registration = self.registration(values[0])
        action = {
            "cancel": lambda: seats.cancel(registration, now=self.now),
            "accept": lambda: seats.accept_offer(registration, now=self.now),
            "resize": lambda: seats.change_size(registration, values[1], now=self.now),
        }[kind]
        with contextlib.suppress(seats.RegistrationError):  # a refusal is a possible answer
            action()


def check(run, before, after, first_email_id):
    session = EventSession.objects.get(pk=run.session.pk)
    cutoff = session.offer_cutoff()
    offers_open = session.offers_open(run.now)
    taken = sum(row.people for row in after.values() if row.status in ("confirmed", "offered"))
    assert taken <= session.capacity
    left = session.capacity - taken

    queue = list(after.values())  # in queue order (registration time)
    newly_seated = {
        pk
        for pk, row in after.items()
        if row.status in ("confirmed", "offered")
        and (pk not in before or before[pk].status not in ("confirmed", "offered"))
    }
    if offers_open:
        assert not [row for row in queue if row.status == "waitlisted" and row.people <= left]
    for position, waiting in enumerate(queue):
        if waiting.status != "waitlisted" or before.get(waiting.pk, waiting).status != "waitlisted":
            continue
        seated_behind = sum(row.people for row in queue[position + 1 :] if row.pk in newly_seated)
        if seated_behind:  # they took seats this registration could have had
            assert waiting.people > left + seated_behind

    for pk in newly_seated:
        row = after[pk]
        if row.status == "offered":
            assert run.now < cutoff, "an offer after the cut-off"
            assert run.now < row.offer_expires_at <= cutoff
    for row in after.values():
        if row.status == "offered":
            assert row.offer_expires_at <= cutoff

    emails = OutgoingEmail.objects.filter(pk__gte=first_email_id, to__endswith="@sifat.example.org")
    counts = {}
    for to in emails.values_list("to", flat=True):
        counts[to] = counts.get(to, 0) + 1
    changed = {
        row.email: 1
        for pk, row in after.items()
        if pk not in before or (before[pk].status, before[pk].people) != (row.status, row.people)
    }
    assert counts == changed


@pytest.fixture
def event_page(make_event):
    """One event page for all examples; each example adds its own session to it."""
    return make_event()


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEPS, min_size=1, max_size=25))
# Always tried as well: a cancellation past the cut-off before the job has run, and a group
# that does not fit while a smaller request behind it does.
@example(steps=[("register", 1, False, True)] * 5 + [("time_passes", 71), ("cancel", 0), ("job_runs",)])
@example(
    steps=[("register", 1, False, True)] * 4
    + [("register", 2, True, True), ("register", 1, False, True), ("cancel", 0), ("cancel", 1)]
)
def test_the_waitlist_rules_hold_for_any_sequence(event_page, steps):
    run = Run(event_page)
    for step in steps:
        before = run.snapshot()
        first_email_id = (OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        run.do(step)
        check(run, before, run.snapshot(), first_email_id)
