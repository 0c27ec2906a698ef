"""What people could not find: searches without results or without an opened result."""

import pytest
from django.urls import reverse

from evaluation import search_log
from evaluation.models import SearchRecord

pytestmark = pytest.mark.django_db


def search(client, text, language="en", **headers):
    return client.get(f"/{language}/search/", {"q": text}, **headers)


def test_searches_are_recorded_with_personal_data_masked(client):
    search(client, "visa for passport A1234567")
    record = SearchRecord.objects.get()
    assert record.query == "visa for passport [number]" and record.language == "en"


def test_a_ping_from_a_result_link_marks_the_search_clicked(client):
    html = search(client, "passport").content.decode()
    assert 'ping="/en/search/click/?s=' in html
    record = SearchRecord.objects.get()
    response = client.post(reverse("search_click") + f"?s={record.search_id}&p=1")
    assert response.status_code == 204
    record.refresh_from_db()
    assert record.clicked
    assert client.post(reverse("search_click") + "?s=<script>&p=1").status_code == 204


def test_report_shows_queries_only_when_several_people_made_them(client, make_user):
    for person in range(3):
        search(client, "zzqx qqzvw", REMOTE_ADDR=f"10.0.0.{person + 1}")
    for _ in range(3):  # one person searching for a sick relative's name again and again
        search(client, "one person only zzqy", REMOTE_ADDR="10.0.9.9")
    rows = search_log.not_found()
    assert [(row["query"], row["people"], row["kind"]) for row in rows] == [("zzqx qqzvw", 3, "no_results")]
    client.force_login(make_user("editor", "Editors"))
    response = client.get(reverse("evaluation_admin_not_found"))
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    page = response.content.decode()
    assert "zzqx qqzvw" in page and "zzqy" not in page


def test_a_broken_receiver_never_breaks_search(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(search_log.SearchRecord.objects, "get_or_create", broken)
    assert search(client, "passport").status_code == 200
