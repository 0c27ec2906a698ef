"""The venue: a plain OpenStreetMap link (no script or tiles on our pages) and what people need
to know about access, on the event page, the registrant's page and in calendars."""

from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from icalendar import Calendar

from agenda import registration as seats
from agenda.models import EventPage
from tests.helpers import url_in

from .conftest import person

pytestmark = pytest.mark.django_db
POINT = {"latitude": Decimal("-8.672600"), "longitude": Decimal("115.233000")}
ACCESS = "Pintu masuk tanpa tangga; toilet untuk kursi roda."


def test_the_map_link_points_at_the_venue_or_searches_its_address(make_event):
    page = make_event(
        [POINT, {}, {"online": True, "joining_link": "https://meet.example.org/r", "region": ""}]
    )
    with_point, address_only, online = page.sessions.order_by("sort_order")
    assert (
        with_point.map_url()
        == "https://www.openstreetmap.org/?mlat=-8.672600&mlon=115.233000#map=17/-8.672600/115.233000"
    )
    assert address_only.map_url().startswith("https://www.openstreetmap.org/search?query=Aula+uji")
    assert online.map_url() is None


def test_the_event_page_shows_the_map_link_and_access_in_the_readers_language(client, make_event):
    page = make_event(
        [{**POINT, "venue_accessibility": ACCESS, "venue_accessibility_en": "Step-free entrance."}]
    )
    indonesian = client.get(url_in(page, "id")).content.decode()
    english = client.get(url_in(page, "en")).content.decode()
    assert "openstreetmap.org/?mlat=-8.672600" in unescape(english)
    assert "<script" not in english.split("openstreetmap")[0][-200:]  # a link, nothing embedded
    assert ACCESS in indonesian and "Step-free entrance." in english


def test_the_registrants_page_has_the_map_link(client, make_event):
    session = make_event([{**POINT, "venue_accessibility": ACCESS}]).sessions.get()
    registration = seats.register(session.pk, person(1))
    html = client.get(f"/en/events/registration/{registration.token}/").content.decode()
    assert "openstreetmap.org/?mlat=-8.672600" in unescape(html) and ACCESS in html


def test_calendars_carry_the_venues_point(client, make_event):
    session = make_event([POINT]).sessions.get()
    content = client.get(reverse("agenda:session_ics", args=[session.pk])).content
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert (event["GEO"].latitude, event["GEO"].longitude) == (-8.6726, 115.233)


def test_demo_venues_have_access_information_in_four_languages():
    page = EventPage.objects.get(slug="seminar-izin-tinggal-pekerja-asing")
    session = page.sessions.exclude(venue_accessibility_ind="").first()
    assert all(getattr(session, f"venue_accessibility_{code}") for code in ("ind", "en", "ar", "zh_hans"))
    assert session.map_url().startswith("https://www.openstreetmap.org/?mlat=")
