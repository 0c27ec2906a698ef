"""The public API: guides and regulations, and what every endpoint shares
(language, pagination, errors as JSON, caching, CORS, rate limit, no drafts)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cms.models import GuidePage, RegulationPage
from cms.models.regulations import RegulationRelation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def every(client, url):
    """All items of a listing, following the pagination links."""
    items, response = [], client.get(url).json()
    items += response["results"]
    while response["next"]:
        response = client.get(response["next"]).json()
        items += response["results"]
    return items


def test_guides_in_the_requested_language_with_indonesian_fallback(client, guide, english_only_guide):
    english = client.get(f"/api/v1/guides/{guide.pk}/?lang=en").json()
    assert english["title"] == guide.title_en and english["language"] == "en"
    assert english["url"].endswith(f"/en/{guide.get_parent().slug}/{guide.slug}/")
    assert english["body_html"].strip() and english["topic"]["slug"] == guide.get_parent().slug

    arabic = client.get(f"/api/v1/guides/{english_only_guide.pk}/?lang=ar").json()
    assert arabic["language"] == "id" and arabic["title"] == english_only_guide.title_ind


def test_only_live_public_guides_are_listed(client, guide):
    draft = GuidePage.objects.live().exclude(pk=guide.pk).first()
    draft.unpublish()
    listed = {item["id"] for item in every(client, "/api/v1/guides/?page_size=100")}
    assert guide.pk in listed and draft.pk not in listed
    assert client.get(f"/api/v1/guides/{draft.pk}/").status_code == 404
    assert listed == set(GuidePage.objects.live().public().values_list("pk", flat=True))


def test_a_longer_listing_costs_no_more_queries(client, guide):
    def queries(page_size):
        with CaptureQueriesContext(connection) as captured:
            items = client.get(f"/api/v1/guides/?page_size={page_size}&lang=en").json()["results"]
        return len(items), len(captured)

    queries(1)  # the first request also looks up the site, once per process
    (few, few_queries), (many, many_queries) = queries(2), queries(100)
    assert many > few * 3
    assert many_queries == few_queries
    listed = {item["id"]: item["topic"] for item in every(client, "/api/v1/guides/?page_size=100&lang=en")}
    with translation.override("en"):
        assert listed[guide.pk] == {"slug": guide.get_parent().slug, "title": guide.get_parent().title}


def test_guides_filtered_by_topic_and_audience(client, guide):
    topic = guide.get_parent()
    items = every(client, f"/api/v1/guides/?topic={topic.slug}&page_size=100")
    assert {item["id"] for item in items} == set(
        GuidePage.objects.live().child_of(topic).values_list("pk", flat=True)
    )
    assert results(client, "/api/v1/guides/?topic=no-such-topic") == []
    audience = guide.audiences.first().code
    assert all(
        audience in item["audiences"] for item in every(client, f"/api/v1/guides/?audience={audience}")
    )


def test_regulations_in_force_on_a_date(client):
    older, newer = RegulationPage.objects.live().order_by("in_force_from")[:2]
    assert older.in_force_from < newer.in_force_from
    RegulationRelation.objects.get_or_create(page=newer, kind=RegulationRelation.REVOKES, target=older)

    def in_force(day):
        return {item["id"] for item in every(client, f"/api/v1/regulations/?in_force_on={day}&page_size=100")}

    assert older.pk in in_force(newer.in_force_from - timedelta(days=1))
    assert newer.pk not in in_force(newer.in_force_from - timedelta(days=1))
    assert older.pk not in in_force(newer.in_force_from) and newer.pk in in_force(newer.in_force_from)
    assert older.pk not in in_force(older.in_force_from - timedelta(days=1))

    detail = client.get(f"/api/v1/regulations/{older.pk}/?lang=en").json()
    assert detail["status"] == "revoked"
    with translation.override("en"):
        expected = {"kind": "revokes", "regulation": newer.pk, "citation": newer.citation}
    assert expected in detail["changed_by"]
    listed = {item["id"]: item for item in every(client, "/api/v1/regulations/?page_size=100")}
    assert listed[older.pk]["status"] == "revoked"


def test_pagination_and_errors_are_json(client):
    first = client.get("/api/v1/guides/?page_size=5").json()
    assert len(first["results"]) == 5 and first["count"] == GuidePage.objects.live().public().count()
    past_the_end = client.get("/api/v1/guides/?page=999")
    assert past_the_end.status_code == 404 and past_the_end["Content-Type"] == "application/json"
    assert client.get("/api/v1/guides/999999/").status_code == 404
    unknown = client.get("/api/v1/guides/?lang=xx&page_size=5")
    assert unknown.status_code == 400 and "lang" in unknown.json()
    bad_date = client.get("/api/v1/regulations/?in_force_on=not-a-date&lang=en")
    assert bad_date.status_code == 400 and "Enter a valid date" in bad_date.json()["in_force_on"][0]


def test_api_is_read_only_and_ignores_sessions(client, make_user):
    assert client.post("/api/v1/guides/", {}).status_code == 405
    client.force_login(make_user("editor-x", is_superuser=True))
    draft = GuidePage.objects.live().first()
    draft.unpublish()
    assert client.get(f"/api/v1/guides/{draft.pk}/").status_code == 404


def test_responses_are_cached_public_cors_and_emptied_on_publish(client, guide, django_assert_num_queries):
    url = f"/api/v1/guides/{guide.pk}/?lang=en"
    first = client.get(url)
    assert first["Access-Control-Allow-Origin"] == "*"
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    with django_assert_num_queries(0):
        assert client.get(url).content == first.content
    guide.title_en = "Visitor visa, revised"
    guide.save_revision().publish()
    assert client.get(url).json()["title"] == "Visitor visa, revised"


def test_rate_limit_per_address(client, limits):
    limits("cms", API_RATE="3/minute")
    statuses = [client.get(f"/api/v1/guides/?page_size={size}").status_code for size in range(1, 6)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    assert client.get("/api/v1/guides/", REMOTE_ADDR="192.0.2.9").status_code == 200


def test_schema_describes_every_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["version"] == "1"
    paths = set(schema["paths"])
    for endpoint in ("guides", "regulations", "events", "forum-threads"):
        assert f"/api/v1/{endpoint}/" in paths and f"/api/v1/{endpoint}/{{id}}/" in paths
    assert not any(path.startswith("/api/v1/") is False for path in paths)
    listing = schema["paths"]["/api/v1/regulations/"]["get"]
    assert {"lang", "in_force_on", "page", "page_size"} <= {
        parameter["name"] for parameter in listing["parameters"]
    }
    assert {"200", "400", "404", "429"} <= set(listing["responses"])
