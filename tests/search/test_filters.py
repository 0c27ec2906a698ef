"""The search page's filters narrow a search by the values search or the apps know: a topic or
an audience counts by whether its app knows it (search/labels.py ``known``), not by whether
its name differs from the value, so one named as its value in a language is no unknown."""

import re
from html import unescape
from urllib.parse import parse_qs

import pytest
from django.utils.translation import trans_real

from cms.models import TopicPage
from search.labels import known

pytestmark = pytest.mark.django_db


@pytest.fixture
def visa_titled_as_its_slug():
    topic = TopicPage.objects.get(slug="visa")
    topic.title_en = "visa"
    topic.save()
    return topic


def kind_links(client, **params):
    """The kind facet's links on the English page, as query strings: each carries the search
    as it ran, its filters included."""
    html = client.get("/en/search/", params).content.decode()
    main = unescape(html[html.index("<main") : html.index("</main>")])
    found = [parse_qs(href[1:]) for href in re.findall(r'href="(\?[^"]*)"', main)]
    return [link for link in found if "kind" in link]


def test_known_values_are_those_search_or_an_app_names(visa_titled_as_its_slug):
    assert known("kind", ["guide", "nonsense"]) == ["guide"]
    assert known("topics", ["paspor", "no-such-topic", "visa"]) == ["paspor", "visa"]
    assert known("audience", ["martians", "refugees"]) == ["refugees"]


def test_a_topic_named_as_its_value_narrows_the_search(client, indexed, visa_titled_as_its_slug):
    links = kind_links(client, q="visa", topic="visa")
    assert links and all(link.get("topic") == ["visa"] for link in links)


def test_an_audience_named_as_its_value_narrows_the_search(client, indexed, monkeypatch):
    catalogue = trans_real.translation("en")._catalog._catalogs[0]
    monkeypatch.setitem(catalogue, "Refugees and asylum seekers", "refugees")
    links = kind_links(client, q="visa", audience="refugees")
    assert links and all(link.get("audience") == ["refugees"] for link in links)


def test_an_unknown_value_beside_a_known_one_is_left_out(client, indexed):
    links = kind_links(client, q="visa", topic=["visa", "no-such-topic"], audience="martians")
    assert links and all(link.get("topic") == ["visa"] and "audience" not in link for link in links)
