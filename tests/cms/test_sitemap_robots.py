"""sitemap.xml lists each page in the languages it exists in; robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from tests.helpers import url_in

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_has_all_languages_with_alternates(client, guide, english_only_guide):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [url.find("s:loc", NS).text for url in root.findall("s:url", NS)]
    path = url_in(guide, "id")
    for language in ("id", "en", "ar", "zh-hans"):
        assert f"http://testserver{path.replace('/id/', f'/{language}/')}" in locations
    english_only = url_in(english_only_guide, "id")
    assert f"http://testserver{english_only.replace('/id/', '/en/')}" in locations
    assert f"http://testserver{english_only.replace('/id/', '/ar/')}" not in locations
    alternates = root.findall("s:url/x:link", NS)
    assert any(link.get("hreflang") == "x-default" for link in alternates)


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_the_favicon_is_there(client):
    """Every first visit asked for /favicon.ico and got the 404 page."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == static("icons/favicon.ico")
    assert finders.find("icons/favicon.ico")
    page = client.get("/en/").content.decode()
    assert 'rel="icon"' in page and 'rel="apple-touch-icon"' in page
