"""Events become search documents; past events rank below upcoming ones."""

from datetime import date, timedelta

import pytest

from agenda.search import EventSource
from search.engines import database_engine
from search.engines.base import SearchQuery


def test_event_documents_carry_kind_start_and_region(db):
    from agenda.models import EventPage

    page = EventPage.objects.get(slug="sosialisasi-jayapura")
    documents = EventSource().documents(page)
    assert {document.language for document in documents} == {"id", "en"}
    document = documents[0]
    assert document.kind == "event" and document.status == "upcoming"
    assert document.event_start == page.sessions.exclude(status="cancelled").order_by("start").first().start
    assert "Papua" in document.related and "Papua" not in document.body  # not in a snippet


@pytest.fixture
def twin_events(make_event):
    past = make_event(
        [{"date": date.today() - timedelta(days=30)}], title_en="Zebracrossing orientation past"
    )
    coming = make_event(
        [{"date": date.today() + timedelta(days=30)}], title_en="Zebracrossing orientation coming"
    )
    database_engine().index([*EventSource().documents(past), *EventSource().documents(coming)])
    return past, coming


def test_past_events_rank_below_upcoming_ones(twin_events):
    results = database_engine().search(SearchQuery(text="zebracrossing orientation", language="en"))
    titles = [hit.title for hit in results.hits]
    assert titles.index("Zebracrossing orientation coming") < titles.index("Zebracrossing orientation past")
    upcoming = database_engine().search(SearchQuery(text="zebracrossing", language="en", upcoming_only=True))
    assert [hit.title for hit in upcoming.hits] == ["Zebracrossing orientation coming"]


def test_an_event_is_placed_in_the_provinces_of_its_sessions(make_event):
    """A reader typing "workshop bali" weighs up the events held there (SearchDocument.places)."""
    page = make_event(
        [{"region": "Bali"}, {"region": "Jawa Barat", "days": 20}, {"region": "Bali", "days": 30}]
    )
    document = EventSource().documents(page)[0]
    assert sorted(document.places) == ["Bali", "Jawa Barat"]
