"""Calendar, month view, archive and event pages, in every language, with filters."""

import json
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from agenda.models import EventPage
from tests.helpers import url_in

LANGUAGES = ["id", "en", "ar", "zh-hans"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_calendar_lists_upcoming_sessions_in_each_language(client, calendar_page, language):
    response = client.get(url_in(calendar_page, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    # The demo has at least 15 upcoming sessions; the first page shows 20 at most.
    assert html.count('class="session"') >= 15
    assert "webcal://" in html


def test_events_entry_point_redirects_to_the_calendar(client, calendar_page):
    response = client.get("/en/events/")
    assert response.status_code == 302 and response["Location"] == url_in(calendar_page, "en")


def test_filters_narrow_the_list_and_unknown_values_are_reported_not_fatal(client, calendar_page, make_event):
    make_event([{"region": "Papua", "time_zone": "Asia/Jayapura"}], title_en="Papua only test event")
    base = url_in(calendar_page, "en")
    html = client.get(base + "?region=Papua").content.decode()
    assert "Papua only test event" in html
    assert "Batam" not in html
    unknown = client.get(base + "?region=Atlantis&kind=party")
    assert unknown.status_code == 200
    assert "did not recognise one of the filters" in unknown.content.decode()
    assert "Papua only test event" in unknown.content.decode()


def test_language_and_kind_filters(client, calendar_page):
    base = url_in(calendar_page, "en")
    arabic = client.get(base + "?language=ar").content.decode()
    assert "rights and obligations of refugees" in arabic
    assert "passports for children" not in arabic
    workshops = client.get(base + "?kind=consultation").content.decode()
    assert "Makassar" in workshops and "Webinar" not in workshops


def test_month_view_shows_sessions_on_their_local_day(client, calendar_page, make_event):
    day = date.today() + timedelta(days=40)
    make_event([{"date": day, "time_zone": "Asia/Jayapura"}], title_en="Month view test event")
    response = client.get(url_in(calendar_page, "en") + f"month/{day.year}/{day.month}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Month view test event" in html and "09:00 WIT" in html
    assert "<table" in html and 'scope="col"' in html


@pytest.mark.parametrize("path", ["month/2026/13/", "month/1800/1/", "month/2026/0/"])
def test_impossible_months_get_a_clear_message(client, calendar_page, path):
    response = client.get(url_in(calendar_page, "en") + path)
    assert response.status_code == 404
    assert "There is no such month" in response.content.decode()


def test_past_sessions_are_in_the_archive_not_in_the_upcoming_list(client, calendar_page):
    upcoming = client.get(url_in(calendar_page, "en")).content.decode()
    past = client.get(url_in(calendar_page, "en") + "past/").content.decode()
    assert "protecting refugees on the Aceh coast" in past
    assert "protecting refugees on the Aceh coast" not in upcoming


def test_event_page_has_schema_org_data_and_no_joining_link(client, db):
    page = EventPage.objects.get(slug="webinar-e-visa")
    html = client.get(url_in(page, "en")).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data[0]["@type"] == "Event"
    assert data[0]["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert data[0]["startDate"].endswith("+07:00")
    assert "meet.example.org" not in html


def test_a_series_shows_each_session_with_its_own_registration(client, db):
    page = EventPage.objects.get(slug="kelas-hak-pengungsi")
    html = client.get(url_in(page, "ar")).content.decode()
    assert html.count("register/") == 4
    assert 'dir="rtl"' in html


def test_cancelled_and_full_sessions_say_so(client, db):
    html = client.get(url_in(EventPage.objects.get(slug="sosialisasi-jayapura"), "en")).content.decode()
    assert "Cancelled" in html
    full = client.get(url_in(EventPage.objects.get(slug="lokakarya-paspor-anak"), "en")).content.decode()
    assert "Full: join the waitlist" in full


def test_schema_org_text_cannot_break_out_of_the_script_element(client, make_event):
    page = make_event(title_en="</script><script>alert(1)</script>")
    html = client.get(url_in(page, "en")).content.decode()
    assert "<script>alert(1)" not in html


def test_event_ics_404_for_unknown_or_unpublished_event(client, make_event):
    page = make_event()
    page.unpublish()
    assert client.get(reverse("agenda:event_ics", kwargs={"slug": page.slug})).status_code == 404
    assert client.get(reverse("agenda:event_ics", kwargs={"slug": "nope"})).status_code == 404
