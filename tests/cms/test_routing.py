"""Addresses find their page in one query (cms/routing.py) and answer exactly as Wagtail's
walk down the tree did; view restrictions are read in one query and match Wagtail's own."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from agenda.models import EventPage
from cms.models import GuidePage, TopicPage
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def page_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    routing = [
        q
        for q in queries.captured_queries
        if "WHERE" in q["sql"] and re.search(r'"(url_path|slug)" (IN|=)', q["sql"].split("WHERE", 1)[1])
    ]
    return response, routing


def test_a_guide_is_found_in_one_query_not_one_per_level(client, guide):
    response, routing = page_queries(client, url_in(guide, "en"))
    assert response.status_code == 200
    assert response.context["page"].pk == guide.pk
    assert len(routing) == 1


def test_a_page_that_routes_its_own_addresses_gets_the_rest_of_the_path(client):
    event = EventPage.objects.live().filter(sessions__isnull=False).first()
    session = event.sessions.first()
    response = client.get(url_in(event, "en") + f"register/{session.pk}/")
    assert response.status_code == 200
    assert client.get(url_in(event, "en") + "register/999999/").status_code == 404


@pytest.mark.parametrize("suffix", ["no-such-page/", "no-such-page/deeper/", "visa-kunjungan/extra/"])
def test_unknown_addresses_are_404(client, topic, suffix):
    assert client.get(url_in(topic, "en") + suffix).status_code == 404


def test_an_unpublished_page_is_404_and_a_live_page_below_an_unpublished_one_still_answers(client, topic):
    """Wagtail's walk checks only the last page; so does the one-query lookup."""
    guide = GuidePage.objects.child_of(topic).live().first()
    url = url_in(guide, "en")
    Page.objects.filter(pk=topic.pk).update(live=False)
    assert client.get(url_in(topic, "en")).status_code == 404
    assert client.get(url).status_code == 200
    Page.objects.filter(pk=guide.pk).update(live=False)
    assert client.get(url).status_code == 404


@pytest.fixture
def restricted_topic(topic):
    return PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)


def wagtails_own(page):
    return sorted(Page.get_view_restrictions(page).values_list("pk", flat=True))


def test_restrictions_match_wagtails_for_pages_below_a_restricted_one(restricted_topic, guide, home):
    assert sorted(guide.get_view_restrictions().values_list("pk", flat=True)) == wagtails_own(guide)
    assert list(guide.get_view_restrictions()) == [restricted_topic]
    assert not home.specific.get_view_restrictions().exists()


def test_an_alias_has_the_restrictions_of_its_source_and_of_its_own_ancestors(restricted_topic, guide, home):
    own = PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    other = TopicPage.objects.exclude(pk=restricted_topic.page_id).first()
    alias = guide.create_alias(parent=other, update_slug="alias-of-visa-guide").specific
    assert list(alias.get_view_restrictions()) == [own]
    assert wagtails_own(alias) == [own.pk]
    elsewhere = PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    assert (
        sorted(r.pk for r in alias.get_view_restrictions())
        == wagtails_own(alias)
        == sorted([own.pk, elsewhere.pk])
    )


def test_a_restricted_guide_asks_for_sign_in(client, restricted_topic, guide):
    response = client.get(url_in(guide, "en"))
    assert response.status_code == 302 and "login" in response["Location"]
