"""Fixtures for the events tests: fresh events under the demo calendar."""

import itertools
from datetime import date, time, timedelta

import pytest
from django.core import mail

from agenda.models import EventIndexPage, EventPage, EventSession
from core.emails import send_pending

_numbers = itertools.count(1)


@pytest.fixture
def calendar_page(db):
    return EventIndexPage.objects.get()


@pytest.fixture
def make_event(calendar_page):
    """make_event(sessions=[{...}], **page fields) -> a published EventPage."""

    def make(sessions=None, kind="workshop", languages=("id", "en"), **fields):
        number = next(_numbers)
        page = EventPage(
            title=fields.pop("title", f"Lokakarya uji {number}"),
            title_en=fields.pop("title_en", f"Test workshop {number}"),
            slug=f"uji-{number}",
            summary="Ringkasan uji.",
            summary_en="Test summary.",
            kind=kind,
            languages=list(languages),
            **fields,
        )
        for order, values in enumerate(sessions or [{}]):
            values = dict(values)
            days = values.pop("days", 10)
            page.sessions.add(
                EventSession(
                    sort_order=order,
                    date=values.pop("date", date.today() + timedelta(days=days)),
                    start_time=values.pop("start_time", time(9, 0)),
                    end_time=values.pop("end_time", time(12, 0)),
                    time_zone=values.pop("time_zone", "Asia/Jakarta"),
                    venue_name=values.pop("venue_name", "Aula uji"),
                    address=values.pop("address", "Jl. Uji No. 1"),
                    region=values.pop("region", "DKI Jakarta"),
                    capacity=values.pop("capacity", 10),
                    **values,
                )
            )
        calendar_page.add_child(instance=page)
        page.save_revision().publish()
        return EventPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def session(make_event):
    return make_event([{"capacity": 3}]).sessions.get()


def person(number, **extra):
    return {"name": f"Orang {number}", "email": f"orang{number}@example.org", "consent": True, **extra}


@pytest.fixture
def outbox(db):
    """Send what is queued and return Django's test outbox."""

    def sent():
        send_pending()
        return mail.outbox

    return sent
