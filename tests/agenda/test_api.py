"""Events in the public API: sessions with their event, public fields only."""

import json

import pytest

from agenda.registration import register
from tests.agenda.conftest import person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]


def test_a_session_with_its_event_in_local_time_and_seats(client, make_event):
    event = make_event(
        [
            {
                "time_zone": "Asia/Jayapura",
                "region": "Papua",
                "capacity": 5,
                "joining_link": "https://meet.example/secret",
            }
        ]
    )
    session = event.sessions.get()
    register(session.pk, person(1, kind="group", organisation="Komunitas A", people=2))
    item = client.get(f"/api/v1/events/{session.pk}/?lang=en").json()
    assert item["start"].endswith("+09:00") and item["start"].startswith(session.date.isoformat() + "T09:00")
    assert item["seats_left"] == 3 and item["registration"] == "open" and item["region"] == "Papua"
    assert item["calendar_uid"] == session.uid
    assert item["event"]["title"] == event.title_en and item["event"]["language"] == "en"
    assert item["event"]["calendar_file"].endswith(f"/en/events/{event.slug}.ics")
    text = json.dumps(item)
    assert "meet.example" not in text and "orang1@example.org" not in text and "Orang 1" not in text


def test_filters_by_time_place_and_event(client, make_event):
    soon = make_event([{"days": 3, "region": "Bali", "time_zone": "Asia/Makassar"}])
    later = make_event([{"days": 40, "online": True, "region": "", "venue_name": "", "address": ""}])
    past = make_event([{"days": -5}])

    def ids(query):
        return {item["id"] for item in client.get(f"/api/v1/events/?page_size=100&{query}").json()["results"]}

    soon_id, later_id, past_id = (page.sessions.get().pk for page in (soon, later, past))
    assert {soon_id, later_id} <= ids("upcoming=true") and past_id not in ids("upcoming=true")
    assert past_id in ids("upcoming=false")
    assert ids("region=Bali") >= {soon_id} and later_id not in ids("region=Bali")
    assert later_id in ids("online=true") and soon_id not in ids("online=true")
    assert ids(f"event={soon.pk}") == {soon_id}
    starts = later.sessions.get().start.isoformat().replace("+", "%2B")
    assert soon_id in ids(f"starts_before={starts}") and later_id not in ids(f"starts_before={starts}")


def test_sessions_of_unpublished_events_are_not_listed(client, make_event):
    event = make_event()
    session = event.sessions.get()
    event.unpublish()
    assert client.get(f"/api/v1/events/{session.pk}/").status_code == 404
    assert session.pk not in {
        item["id"] for item in client.get("/api/v1/events/?page_size=100").json()["results"]
    }
