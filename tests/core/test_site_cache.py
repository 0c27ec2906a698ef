"""What every page shows (the site, its profile, the menu, whether versions can be compared)
is kept in the "pages" cache between requests, and a change shows on the next request."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.models import SiteProfile
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_the_site_and_its_profile_are_read_once_not_on_every_request(client):
    client.get("/en/")
    later = queries_of(client, "/en/")
    assert not [sql for sql in later if 'FROM "wagtailcore_site"' in sql]
    assert not [sql for sql in later if 'FROM "cms_siteprofile"' in sql]


def test_a_changed_profile_shows_on_the_next_request(client):
    client.get("/en/")
    profile = SiteProfile.load()
    profile.agency_name_en = "Ministry of Sample Affairs"
    profile.save()
    assert "Ministry of Sample Affairs" in client.get("/en/").content.decode()


def test_a_changed_site_is_read_again(client):
    client.get("/en/")
    assert caches["pages"].get("wagtail-site:testserver:80") is not None
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed"
    site.save()
    assert caches["pages"].get("wagtail-site:testserver:80") is None
    assert [sql for sql in queries_of(client, "/en/") if 'FROM "wagtailcore_site"' in sql]


def test_the_menu_follows_publishing(client, topic, django_capture_on_commit_callbacks):
    def menu():
        html = client.get("/en/").content.decode()
        return html.split('<nav class="main-nav"')[1].split("</nav>")[0]

    assert topic.title_en in menu()
    with django_capture_on_commit_callbacks(execute=True):
        topic.unpublish()
    assert topic.title_en not in menu()
    topic.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()
    assert topic.title_en in menu()


def test_breadcrumbs_come_from_the_cache_and_follow_publishing(
    client, guide, topic, django_capture_on_commit_callbacks
):
    def crumbs():
        html = client.get(url_in(guide, "en")).content.decode()
        return html.split('<nav class="breadcrumbs"')[1].split("</nav>")[0]

    client.get(url_in(guide, "en"))
    later = queries_of(client, url_in(guide, "en"))
    assert not [sql for sql in later if '"wagtailcore_page"."depth" > 1' in sql]
    assert topic.title_en in crumbs()
    topic.title_en = "Renamed topic"
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()
    assert "Renamed topic" in crumbs()


def test_the_home_page_asks_nothing_for_its_breadcrumbs(client):
    assert not [sql for sql in queries_of(client, "/en/") if '"wagtailcore_page"."depth" > 1' in sql]
