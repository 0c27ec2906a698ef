""" "Add to calendar": Google and Outlook links in UTC, one session's .ics on the event page,
the registrant's own .ics on their page (with the joining link only for them)."""

import re
from datetime import time
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from agenda import calendar_links
from agenda import registration as seats
from agenda.models import Registration
from tests.helpers import url_in

from .conftest import person
from .test_ics import assert_same, parse_twice

ONLINE = {"online": True, "joining_link": "https://meet.example.org/room-9", "region": ""}


def links_in(html, host):
    return [
        unescape(href)
        for href in re.findall(r'href="([^"]+)"', html)
        if urlsplit(unescape(href)).netloc == host
    ]


def query(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def test_google_and_outlook_links_carry_the_session_in_utc(make_event):
    page = make_event([{"time_zone": "Asia/Jayapura", "start_time": time(9, 0), "end_time": time(11, 30)}])
    session = page.sessions.get()
    links = calendar_links.for_session(session)
    google, outlook, office = query(links.google), query(links.outlook), query(links.office)
    day = f"{session.date:%Y%m%d}"
    assert links.google.startswith("https://calendar.google.com/calendar/render?")
    assert google["action"] == "TEMPLATE" and google["ctz"] == "Asia/Jayapura"
    assert google["dates"] == f"{day}T000000Z/{day}T023000Z"  # 09:00–11:30 WIT is UTC+9
    assert google["text"] == page.title and "Aula uji" in google["location"]
    assert links.outlook.startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
    assert links.office.startswith("https://outlook.office.com/calendar/0/deeplink/compose?")
    for values in (outlook, office):
        assert values["rru"] == "addevent" and values["path"] == "/calendar/action/compose"
        assert values["startdt"] == f"{session.date:%Y-%m-%d}T00:00:00Z"
        assert values["enddt"] == f"{session.date:%Y-%m-%d}T02:30:00Z"
        assert values["subject"] == page.title
    assert links.ics == reverse("agenda:session_ics", kwargs={"pk": session.pk})


def test_the_event_page_offers_each_session_alone_without_the_joining_link(make_event, client, tmp_path):
    page = make_event([{"label": "Bagian 1", "days": 10}, {"label": "Bagian 2", "days": 17, **ONLINE}])
    first, second = page.sessions.order_by("start")
    html = client.get(url_in(page, "en")).content.decode()
    assert "room-9" not in html
    google = links_in(html, "calendar.google.com")
    assert len([link for link in google if "action=TEMPLATE" in link]) == 2
    assert len(links_in(html, "outlook.live.com")) == 2 and len(links_in(html, "outlook.office.com")) == 2
    for session in (first, second):
        path = reverse("agenda:session_ics", kwargs={"pk": session.pk})
        assert f'href="{path}"' in html
        response = client.get(path)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
        calendar, independent = parse_twice(tmp_path, response.content)
        assert_same(calendar, independent)
        assert [event["uid"] for event in independent["events"]] == [session.uid]
        assert b"room-9" not in response.content
        assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_no_link_for_a_cancelled_or_past_session_nor_a_file_for_an_unpublished_event(make_event, client):
    page = make_event([{"days": 10}, {"days": 12, "status": "cancelled"}, {"days": -3}])
    upcoming, cancelled, past = page.sessions.order_by("sort_order")
    assert calendar_links.for_session(upcoming) is not None
    assert calendar_links.for_session(cancelled) is None and calendar_links.for_session(past) is None
    page.unpublish()
    assert client.get(reverse("agenda:session_ics", kwargs={"pk": upcoming.pk})).status_code == 404
    assert client.get("/en/events/sessions/999999.ics").status_code == 404


def test_the_registrants_page_offers_their_own_entry_with_the_joining_link(
    make_event, client, outbox, tmp_path
):
    session = make_event([{**ONLINE, "capacity": 1}]).sessions.get()
    confirmed = seats.register(session.pk, person(1))
    waiting = seats.register(session.pk, person(2))
    (invitation,) = [message for message in outbox() if message.to == [confirmed.email]]
    page = client.get(reverse("agenda:registration", kwargs={"token": confirmed.token}))
    html = page.content.decode()
    (google,) = [link for link in links_in(html, "calendar.google.com") if "action=TEMPLATE" in link]
    assert query(google)["location"] == "https://meet.example.org/room-9"
    assert "room-9" in query(google)["details"]
    # The page signs its own link (the signature holds the time), so it is found by its shape.
    (path,) = re.findall(r'href="(/[^"]+/events/registration/[^"/]+/calendar\.ics)"', html)
    assert Registration.from_token(path.split("/")[-2]) == confirmed
    response = client.get(path)
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    calendar, independent = parse_twice(tmp_path, response.content)
    assert_same(calendar, independent)
    (event,) = independent["events"]
    assert independent["method"] == "PUBLISH" and event["uid"] == confirmed.calendar_uid
    assert event["conference"] == ["https://meet.example.org/room-9"] and event["attendees"] == []
    # The same entry as the invitation, not older than it: importing it changes nothing.
    invited = [part for part in invitation.message().walk() if part.get_content_type() == "text/calendar"]
    invited_event = parse_twice(tmp_path, invited[0].get_payload(decode=True))[1]["events"][0]
    assert event["sequence"] >= invited_event["sequence"] and event["uid"] == invited_event["uid"]
    # Someone waiting holds no seat: no entry to add, no file.
    waiting_page = client.get(
        reverse("agenda:registration", kwargs={"token": waiting.token})
    ).content.decode()
    assert not links_in(waiting_page, "calendar.google.com") and "room-9" not in waiting_page
    assert client.get(reverse("agenda:registration_ics", kwargs={"token": waiting.token})).status_code == 404


@pytest.mark.parametrize("token", ["not-a-token", "revoked"])
def test_the_registrants_file_reveals_nothing_without_a_valid_link(session, client, token):
    registration = seats.register(session.pk, person(1))
    if token == "revoked":
        token = registration.token
        registration.secret = "replaced"
        registration.save()
    assert client.get(reverse("agenda:registration_ics", kwargs={"token": token})).status_code == 404


def test_cancelled_registrations_have_no_entry_to_add(session, client):
    registration = seats.cancel(seats.register(session.pk, person(1)))
    assert calendar_links.for_registration(registration) is None
    assert (
        client.get(reverse("agenda:registration_ics", kwargs={"token": registration.token})).status_code
        == 404
    )
