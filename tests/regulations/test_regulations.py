"""Regulations: the chain both ways, the status banner, listing filters and feeds."""

import feedparser
import pytest

from cms.models import RegulationIndexPage, RegulationPage, RegulationRelation
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return RegulationIndexPage.objects.get()


def regulation(slug):
    return RegulationPage.objects.get(slug=slug)


def test_status_follows_from_relations():
    assert regulation("uu-9-1992").status == "revoked"
    assert regulation("uu-6-2011").status == "amended"
    assert regulation("pp-31-2013").status == "amended"
    newest = RegulationPage.objects.exclude(incoming_relations__isnull=False).first()
    assert newest.status == "in_force"


def test_relations_render_both_ways(client):
    old, new = regulation("uu-9-1992"), regulation("uu-6-2011")
    new_page = client.get(url_in(new, "en")).content.decode()
    assert "Revokes" in new_page and url_in(old, "en") in new_page
    old_page = client.get(url_in(old, "en")).content.decode()
    assert "Revoked by" in old_page and url_in(new, "en") in old_page


def test_revoked_banner_links_to_replacement(client):
    content = client.get(url_in(regulation("uu-9-1992"), "en")).content.decode()
    assert "banner--revoked" in content
    assert "This regulation is no longer in force." in content
    assert f'href="{url_in(regulation("uu-6-2011"), "en")}"' in content


def test_amended_banner(client):
    content = client.get(url_in(regulation("pp-31-2013"), "en")).content.decode()
    assert "banner--amended" in content
    amenders = [
        rel.page for rel in RegulationRelation.objects.filter(target=regulation("pp-31-2013"), kind="amends")
    ]
    assert all(url_in(page, "en") in content for page in amenders)


def test_unpublishing_the_amending_regulation_restores_status():
    target = regulation("uu-9-1992")
    for relation in RegulationRelation.objects.filter(target=target):
        relation.page.unpublish()
    assert regulation("uu-9-1992").status == "in_force"


def test_relation_to_itself_is_refused():
    from django.core.exceptions import ValidationError

    page = regulation("uu-6-2011")
    with pytest.raises(ValidationError):
        RegulationRelation(page=page, target=page, kind="amends").clean()


def test_listing_newest_first_paginated(client, index):
    response = client.get(url_in(index, "en"))
    assert response.status_code == 200
    years = [page.year for page in response.context["page_of_results"]]
    assert years == sorted(years, reverse=True)
    assert len(years) == 10
    second = client.get(url_in(index, "en"), {"page": 2})
    assert second.context["page_of_results"].number == 2


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"status": "revoked"}, lambda page: page.status == "revoked"),
        ({"status": "in_force"}, lambda page: page.status == "in_force"),
        ({"type": "law"}, lambda page: page.regulation_type == "law"),
        ({"year": "2011"}, lambda page: page.year == 2011),
        ({"topic": "pengungsi"}, lambda page: page.topics.filter(slug="pengungsi").exists()),
    ],
)
def test_listing_filters(client, index, params, check):
    response = client.get(url_in(index, "en"), params)
    pages = list(response.context["page_of_results"])
    assert pages and all(check(page) for page in pages)


@pytest.mark.parametrize(
    "params", [{"page": "999"}, {"page": "x"}, {"year": "20x1"}, {"type": "<b>"}, {"topic": "nope"}]
)
def test_listing_bad_input_is_not_an_error(client, index, params):
    assert client.get(url_in(index, "en"), params).status_code == 200


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feeds_parse_and_have_stable_ids(client, index, kind):
    url = f"{url_in(index, 'en')}feed/{kind}/"
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) >= 10
    assert all(entry.get("id") and entry.get("updated", entry.get("published")) for entry in feed.entries)
    ids = {entry.link: entry.id for entry in feed.entries}
    page = regulation("uu-6-2011")
    page.summary_en = page.summary_en + " (edited)"
    page.save_revision().publish()
    again = feedparser.parse(client.get(url).content)
    assert {entry.link: entry.id for entry in again.entries} == ids


def test_feeds_per_language_and_topic(client, index):
    arabic = feedparser.parse(client.get(f"{url_in(index, 'ar')}feed/atom/").content)
    assert "/ar/" in arabic.feed.link
    assert all("/ar/" in entry.link for entry in arabic.entries)
    assert any(any("\u0600" <= char <= "\u06ff" for char in entry.title) for entry in arabic.entries)
    topic = feedparser.parse(client.get(f"{url_in(index, 'en')}feed/pengungsi/atom/").content)
    refugees = {url_in(page, "en") for page in RegulationPage.objects.filter(topics__slug="pengungsi")}
    assert topic.entries and all(
        entry.link.replace("http://testserver", "") in refugees for entry in topic.entries
    )
    assert client.get(f"{url_in(index, 'en')}feed/no-such-topic/atom/").status_code == 404


def test_regulations_are_searchable():
    from core import searchable

    documents = searchable.sources()["cms.regulation"].documents(regulation("uu-9-1992"))
    assert documents[0].kind == "regulation" and documents[0].status == "revoked"
    assert documents[0].boost < 1
