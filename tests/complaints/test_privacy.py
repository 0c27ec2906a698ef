"""A complainant's words and data never reach public pages, search, feeds, the sitemap or statistics."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.models import HomePage, RegulationIndexPage
from complaints import services, statistics
from complaints.models import Status
from core import searchable
from search import service
from search.engines.base import SearchQuery

from .conftest import SECRET_PHRASE

pytestmark = pytest.mark.django_db
EMAIL = "whistleblower-9137@example.org"
NAME = "Siti Pelapor Rahasia"
NOTE = "internal-only note 5521"


@pytest.fixture
def complaint(file_via_service, handler):
    filed = file_via_service(contact_email=EMAIL, contact_name=NAME)
    services.change_status(filed.complaint, handler, Status.VERIFIED, "Public note.")
    services.add_internal_note(filed.complaint, handler, NOTE)
    return filed.complaint


def assert_private(text):
    for secret in (SECRET_PHRASE, "zebra-cucumber-7741", EMAIL, NAME, NOTE):
        assert secret not in text


def test_no_search_source_is_about_complaints():
    for name, source in searchable.sources().items():
        assert "complaint" not in name.lower()
        assert source.model._meta.app_label != "complaints"


@pytest.mark.parametrize("language", ["id", "en"])
def test_searching_for_a_complaints_words_finds_nothing(complaint, language):
    results = service.search(SearchQuery(text="zebra-cucumber-7741", language=language))
    assert results.total == 0
    assert_private(str([hit.__dict__ for hit in results.hits]))


def test_the_sitemap_and_feeds_hold_no_complaint(client, complaint):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert_private(sitemap)
    assert "/complaints/status" not in sitemap
    index = RegulationIndexPage.objects.live().first()
    feed = client.get(index.url + "feed/rss/")
    assert feed.status_code == 200
    assert_private(feed.content.decode())


@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_public_pages_show_nothing_of_a_complaint(client, complaint, language):
    from django.utils import translation

    with translation.override(language):
        paths = [
            HomePage.objects.get().url,
            reverse("complaints:file"),
            reverse("complaints:track"),
            reverse("complaints:statistics"),
            reverse("complaints:filed"),
        ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_private(response.content.decode())


def test_statistics_are_numbers_only(complaint):
    start, end = statistics.year_bounds(timezone.localdate().year)
    assert_private(repr(statistics.public_statistics(start, end)))


def test_private_pages_are_not_for_search_engines(client, complaint):
    assert 'name="robots" content="noindex"' in client.get(reverse("complaints:track")).content.decode()
    assert 'name="robots" content="noindex"' in client.get(reverse("complaints:filed")).content.decode()


def test_the_home_page_offers_the_complaint_task(client):
    page = client.get(HomePage.objects.get().url).content.decode()
    assert reverse("complaints:file") in page
