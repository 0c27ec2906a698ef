"""The office finder: immigration offices with their hours, services and places."""

import json
import re
from datetime import UTC, datetime, time

import pytest
from django.utils import translation

from cms.models import OfficeHours, OfficeIndexPage, OfficePage
from cms.places import PROVINCE_ZONES, WIB, WIT, WITA
from cms.search import OfficeSource, place_names
from search.engines import database_engine
from search.engines.base import SearchQuery
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["id", "en", "ar", "zh-hans"]


@pytest.fixture
def finder(db):
    return OfficeIndexPage.objects.get()


@pytest.fixture
def denpasar(db):
    return OfficePage.objects.get(slug="kantor-imigrasi-denpasar")


def json_ld(content):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_demo_has_offices_in_every_time_zone(finder):
    offices = OfficePage.objects.live()
    assert offices.count() >= 12
    zones = {PROVINCE_ZONES[office.province] for office in offices}
    assert zones == {WIB, WITA, WIT}
    assert all("(contoh)" in office.title_ind for office in offices)
    assert all(office.available_languages() == LANGUAGES for office in offices)


@pytest.mark.parametrize("language", LANGUAGES)
def test_finder_lists_offices_in_each_language(client, finder, denpasar, language):
    response = client.get(url_in(finder, language))
    assert response.status_code == 200
    content = response.content.decode()
    with translation.override(language):
        assert denpasar.title in content
        assert denpasar.city in content
        assert str(denpasar.province_label()) in content
        for label in denpasar.service_labels():
            assert str(label) in content
    assert content.count('<li>\n    <a href="') == OfficePage.objects.live().count()


def test_filter_by_province(client, finder, denpasar):
    response = client.get(url_in(finder, "en"), {"province": "bali"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Denpasar Immigration Office (sample)" in content
    assert "Surabaya Immigration Office" not in content
    assert '<option value="bali" selected>' in content


def test_filter_by_service(client, finder):
    response = client.get(url_in(finder, "en"), {"service": "refugee_desk"})
    content = response.content.decode()
    refugee_desks = [office for office in OfficePage.objects.live() if "refugee_desk" in office.services]
    assert 0 < len(refugee_desks) < OfficePage.objects.live().count()
    assert f"{len(refugee_desks)} offices" in content
    assert "Medan Immigration Office (sample)" in content
    assert "Surabaya Immigration Office" not in content


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"province": "atlantis"}, "Tidak ada provinsi “atlantis”"),
        ({"service": "teleportation"}, "Tidak ada layanan “teleportation”"),
    ],
)
def test_unknown_filter_value_is_reported(client, finder, params, message):
    response = client.get(url_in(finder, "id"), params)
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'role="alert"' in content
    assert '<form class="filters"' in content  # the form is there to correct the choice
    assert "kantor-imigrasi-denpasar" not in content


def test_unknown_value_escaped(client, finder):
    response = client.get(url_in(finder, "en"), {"province": "<b>x</b>"})
    assert "<b>x</b>" not in response.content.decode()


def test_office_page_shows_hours_map_and_contact(client, denpasar):
    response = client.get(url_in(denpasar, "ar"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="hours-heading"' in content
    assert "WITA" in content
    assert (
        "https://www.openstreetmap.org/?mlat=-8.670500&amp;mlon=115.212600#map=17/-8.670500/115.212600"
        in content
    )
    assert f'href="tel:{denpasar.phone.replace(" ", "")}" dir="ltr"' in content
    assert f'href="mailto:{denpasar.email}" dir="ltr"' in content
    assert "<script src" not in content.split("</head>")[1].split("<footer")[0]  # no map script


def test_office_without_hours_or_coordinates_shows_what_it_has(client, denpasar):
    denpasar.hours.all().delete()
    denpasar.latitude = denpasar.longitude = None
    denpasar.save()
    response = client.get(url_in(denpasar, "en"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Opening hours" not in content
    assert "openstreetmap" not in content
    assert denpasar.address_en in content
    data = json_ld(content)
    assert "geo" not in data and "openingHoursSpecification" not in data
    finder = client.get(url_in(denpasar.get_parent(), "en")).content.decode()
    assert "Denpasar Immigration Office (sample)" in finder


def test_json_ld_is_a_government_office_with_hours(client, denpasar):
    data = json_ld(client.get(url_in(denpasar, "en")).content.decode())
    assert data["@type"] == "GovernmentOffice"
    assert data["name"] == "Denpasar Immigration Office (sample)"
    assert data["address"]["addressRegion"] == "Bali"
    assert data["telephone"] == denpasar.phone
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": -8.6705, "longitude": 115.2126}
    weekdays = data["openingHoursSpecification"][0]
    assert weekdays["dayOfWeek"][0] == "https://schema.org/Monday"
    assert weekdays["opens"] == "08:00:00" and weekdays["closes"] == "16:00:00"


def test_json_ld_cannot_be_closed_by_editor_text(client, denpasar):
    denpasar.title_en = "</script><script>alert(1)</script>"
    denpasar.save_revision().publish()
    content = client.get(url_in(denpasar, "en")).content.decode()
    assert "<script>alert(1)" not in content
    assert json_ld(content)["name"] == "</script><script>alert(1)</script>"


def test_hours_today_uses_the_office_time_zone(denpasar):
    # Friday 23:30 in Jakarta is already Saturday 00:30 in Bali: closed on Saturday.
    friday_night_wib = datetime(2026, 12, 4, 16, 30, tzinfo=UTC)
    assert denpasar.hours_today(friday_night_wib) == [
        row for row in denpasar.hours.all() if row.first_day == 5
    ]
    monday = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
    assert [(row.opens, row.closes) for row in denpasar.hours_today(monday)] == [(time(8), time(16))]


def test_hours_rows_validate():
    row = OfficeHours(first_day=4, last_day=0, opens=time(16), closes=time(8))
    with pytest.raises(Exception) as error:
        row.clean()
    assert "last_day" in error.value.message_dict


def test_hours_in_the_reader_language(client, denpasar):
    with translation.override("id"):
        row = denpasar.hours.first()
        assert row.days_label() == "Senin–Kamis"
        assert row.opens_label() == "08.00"
    with translation.override("zh-hans"):
        assert row.days_label() == "星期一–星期四"


def office_form(finder_title="Kantor Imigrasi Uji", closes="16:00"):
    """The admin's add form for an office, Indonesian only, with one row of hours."""
    return {
        "title_ind": finder_title,
        "slug": "kantor-imigrasi-uji",
        "address_ind": "Jl. Uji No. 1",
        "city_ind": "Kupang",
        "province": "nusa-tenggara-timur",
        "services": ["passports", "complaints_desk"],
        "hours-TOTAL_FORMS": "1",
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "1000",
        "hours-0-first_day": "0",
        "hours-0-last_day": "4",
        "hours-0-opens": "08:00",
        "hours-0-closes": closes,
        "hours-0-ORDER": "1",
        "hours-0-id": "",
        "hours-0-DELETE": "",
        "action-publish": "publish",
    }


def test_editor_adds_an_office_in_the_admin(client, finder, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-test-1234"))
    url = f"/admin/pages/add/cms/officepage/{finder.pk}/"
    refused = client.post(url, office_form(closes="07:00"))
    assert refused.status_code == 200 and not OfficePage.objects.filter(slug="kantor-imigrasi-uji").exists()
    assert client.post(url, office_form()).status_code == 302
    office = OfficePage.objects.get(slug="kantor-imigrasi-uji")
    assert office.live and office.zone == WITA and office.services == ["passports", "complaints_desk"]
    assert [(row.first_day, row.last_day) for row in office.hours.all()] == [(0, 4)]


@pytest.mark.parametrize("language", ["id", "en"])
def test_office_found_by_search(language):
    results = database_engine().search(SearchQuery(text="Denpasar", language=language))
    kinds = {(hit.kind, hit.url) for hit in results.hits}
    with translation.override(language):
        url = OfficePage.objects.get(slug="kantor-imigrasi-denpasar").get_url()
    assert ("office", url) in kinds


def test_an_office_document_is_known_by_its_city_and_province_in_every_language(denpasar):
    """Readers name the place, in any script: the Arabic document answers to "Bali" too."""
    arabic = next(document for document in OfficeSource().documents(denpasar) if document.language == "ar")
    assert {"Denpasar", "Bali", "دنباسار", "بالي", "登巴萨", "巴厘"} <= set(arabic.names)
    # They are places: a query naming one whole weighs the office up (search/segment.py named_whole).
    assert set(arabic.places) == set(place_names(denpasar))


def test_api_lists_offices(client, empty_caches):
    response = client.get("/api/v1/offices/", {"lang": "en", "page_size": 100})
    assert response.status_code == 200
    items = response.json()["results"]
    assert len(items) == OfficePage.objects.live().count()
    denpasar = next(item for item in items if item["title"] == "Denpasar Immigration Office (sample)")
    assert denpasar["zone"] == "WITA"
    assert denpasar["province"] == "bali"
    assert denpasar["hours"][0] == {
        "first_day": 0,
        "last_day": 3,
        "opens": "08:00:00+08:00",
        "closes": "16:00:00+08:00",
    }
    filtered = client.get("/api/v1/offices/", {"service": "refugee_desk"}).json()["results"]
    assert {item["province"] for item in filtered} >= {"sumatera-utara"}
    assert client.get("/api/v1/offices/", {"province": "atlantis"}).status_code == 400


def test_guide_links_to_the_finder_for_its_service(client, finder):
    from cms.models import GuidePage

    guide = GuidePage.objects.get(slug="paspor-baru")
    content = client.get(url_in(guide, "en")).content.decode()
    assert f'href="{url_in(finder, "en")}?service=passports"' in content
    assert "Where to apply" in content


def test_complaint_form_links_to_the_finder(client, finder):
    content = client.get("/en/complaints/").content.decode()
    assert f'href="{url_in(finder, "en")}"' in content
    assert "Find your office" in content


def test_finder_query_count(client, finder, django_assert_max_num_queries):
    url = url_in(finder, "en")
    client.get(url)
    # As a section page (site, routing, restrictions, page, profile, menus: about 11),
    # plus the offices and their hours (2), whatever the number of offices.
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_lists_use_the_reader_language_comma(client, denpasar):
    content = client.get(url_in(denpasar, "ar")).content.decode()
    assert "دنباسار، بالي" in content
    content = client.get(url_in(denpasar.get_parent(), "zh-hans")).content.decode()
    assert "登巴萨，巴厘" in content


def test_the_footer_link_to_the_finder_goes_when_the_finder_is_unpublished(
    client, django_capture_on_commit_callbacks
):
    finder = OfficeIndexPage.objects.live().get()
    assert "Find an immigration office" in client.get("/en/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        finder.unpublish()
    assert "Find an immigration office" not in client.get("/en/").content.decode()
