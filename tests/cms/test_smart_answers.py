"""Smart answers for readers: start page, questions as GET forms, back and change links,
errors on bad input in the reader's language, country names from CLDR, search and home."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from cms.models import GuidePage, HomePage, SmartAnswerIndexPage, SmartAnswerPage
from search.engines import database_engine
from search.engines.base import SearchQuery
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["id", "en", "ar", "zh-hans"]
NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def visit(db):
    return SmartAnswerPage.objects.get(slug="visa-untuk-berkunjung")


@pytest.fixture
def overstay(db):
    return SmartAnswerPage.objects.get(slug="melewati-izin-tinggal")


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def error_summary(response):
    found = re.search(r'<div class="error-summary".*?</div>', response.content.decode(), re.S)
    return found.group(0) if found else ""


def question_key(response):
    """The name of the question the page asks (its visible field)."""
    names = re.findall(r'<(?:input|select) type="(?:radio|checkbox|text|date)" name="(\w+)"', main(response))
    names += re.findall(r'<select name="(\w+)"', main(response))
    return names[0] if names else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_start_page_is_indexed_and_starts_the_questions(client, visit, language):
    response = client.get(url_in(visit, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert NOINDEX not in html and "X-Robots-Tag" not in response
    with translation.override(language):
        assert visit.title in html and visit.intro in html
        assert f'href="{visit.get_url()}?start=1"' in html


def test_steps_with_answers_are_kept_out_of_search_engines(client, visit):
    response = client.get(url_in(visit, "en"), {"purpose": "tourism"})
    assert response["X-Robots-Tag"] == "noindex"
    assert NOINDEX in response.content.decode()
    assert question_key(response) == "nationality"


def test_each_question_is_a_get_form_carrying_the_earlier_answers(client, visit):
    response = client.get(url_in(visit, "en"), {"purpose": "tourism", "nationality": "FR"})
    html = main(response)
    assert '<form method="get"' in html and "csrfmiddlewaretoken" not in html
    assert '<input type="hidden" name="purpose" value="tourism">' in html
    assert '<input type="hidden" name="nationality" value="FR">' in html
    assert question_key(response) == "days"


def test_back_link_shows_the_previous_question_with_its_answer_chosen(client, visit):
    url = url_in(visit, "en")
    response = client.get(url, {"purpose": "business"})
    back = re.search(r'<a class="back-link" href="([^"]+)"', main(response)).group(1).replace("&amp;", "&")
    assert back == f"{url}?purpose=business&edit=purpose"
    previous = client.get(back)
    assert question_key(previous) == "purpose"
    assert 'value="business" id="id_purpose_1" checked' in main(previous).replace("required ", "")
    first = client.get(url, {"start": "1"})
    assert f'<a class="back-link" href="{url}">' in main(first)


def test_change_link_on_the_outcome_keeps_earlier_answers_and_drops_later_ones(client, overstay):
    url = url_in(overstay, "en")
    response = client.get(url, {"days_over": "10", "reasons": "none", "leaving": "leave"})
    links = re.findall(r'<a href="([^"]+)">Change<span', main(response))
    assert [link.replace("&amp;", "&") for link in links] == [
        f"{url}?days_over=10&edit=days_over",
        f"{url}?days_over=10&reasons=none&edit=reasons",
        f"{url}?days_over=10&reasons=none&leaving=leave&edit=leaving",
    ]
    change = client.get(links[0].replace("&amp;", "&"))
    assert question_key(change) == "days_over"
    assert 'value="10"' in main(change)


def test_summary_shows_answers_in_the_readers_language(client, visit):
    params = {"purpose": "tourism", "nationality": "MY", "days": "14", "arrival": "2027-03-01"}
    response = client.get(url_in(visit, "ar"), params)
    html = main(response)
    assert "ماليزيا" in html  # Malaysia, named by CLDR
    assert "1 مارس 2027" in html  # the date as Arabic writes it
    assert "30 مارس 2027" in html  # arrival + 29 days: the last day of a 30-day stay
    assert "السياحة" in html


@pytest.mark.parametrize(
    ("language", "name", "count"),
    [("id", "Prancis", 240), ("en", "France", 240), ("ar", "فرنسا", 240), ("zh-hans", "法国", 240)],
)
def test_country_list_comes_from_the_locale_data(client, visit, language, name, count):
    response = client.get(url_in(visit, language), {"purpose": "tourism"})
    html = main(response)
    assert f'<option value="FR">{name}</option>' in html
    assert html.count("<option value=") > count
    assert 'value="EU"' not in html and 'value="ZZ"' not in html


ERRORS = {  # the message's msgid and its values
    "select": ("Select an answer.", {}),
    "unknown": ("“%(value)s” is not one of the answers. Select from the list.", {"value": "holiday"}),
    "country": ("Select a country from the list.", {}),
    "number": ("Enter a whole number, for example 14.", {}),
    "small": ("Enter a number of at least %(number)s.", {"number": 1}),
    "date": ("Enter a real date, for example 2027-03-27.", {}),
    "skipped": ("Answer this question to continue.", {}),
    "several": ("Select at least one answer.", {}),
}

BAD_URLS = [
    ("visa-untuk-berkunjung", {"purpose": ""}, "purpose", "select"),
    ("visa-untuk-berkunjung", {"purpose": "holiday"}, "purpose", "unknown"),
    ("visa-untuk-berkunjung", {"nationality": "FR", "days": "5"}, "purpose", "skipped"),
    ("visa-untuk-berkunjung", {"purpose": "tourism", "days": "5"}, "nationality", "skipped"),
    ("visa-untuk-berkunjung", {"purpose": "tourism", "nationality": "XX"}, "nationality", "country"),
    ("visa-untuk-berkunjung", {"purpose": "tourism", "nationality": "FR", "days": "two"}, "days", "number"),
    ("visa-untuk-berkunjung", {"purpose": "tourism", "nationality": "FR", "days": "0"}, "days", "small"),
    (
        "visa-untuk-berkunjung",
        {"purpose": "tourism", "nationality": "FR", "days": "9" * 40},
        "days",
        "number",
    ),
    (
        "visa-untuk-berkunjung",
        {"purpose": "tourism", "nationality": "FR", "days": "10", "arrival": "2027-02-30"},
        "arrival",
        "date",
    ),
    (
        "visa-untuk-berkunjung",
        {"purpose": "tourism", "nationality": "FR", "days": "10", "arrival": "9999-12-31"},
        "arrival",
        "date",
    ),
    ("melewati-izin-tinggal", {"days_over": "3", "reasons": ""}, "reasons", "several"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("slug", "params", "question", "error"), BAD_URLS)
def test_bad_urls_go_back_to_the_question_that_needs_an_answer(
    client, language, slug, params, question, error
):
    page = SmartAnswerPage.objects.get(slug=slug)
    response = client.get(url_in(page, language), params)
    assert response.status_code == 200
    assert question_key(response) == question
    msgid, values = ERRORS[error]
    with translation.override(language):
        message = gettext(msgid) % values
    if language != "en":
        assert message != msgid % values  # translated
    summary = error_summary(response)
    assert message in summary.replace("&quot;", '"')
    assert f'href="#id_{question}' in summary
    assert "<title>" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "purpose=%00",
        "purpose=tourism&purpose=work&purpose=",
        "purpose=tourism&nationality=fr&days=-5",
        "purpose=tourism&nationality=FR&days=1e9",
        "purpose=tourism&nationality=FR&days=30&arrival=2027-13-01",
        "purpose=tourism&nationality=FR&days=30&arrival=0001-01-01",
        "purpose=tourism&nationality=" + "A" * 5000,
        "edit=nothing&start=1",
        "edit=arrival&purpose=work",
        "nationality=FR&nationality=DE&purpose=tourism",
    ],
)
def test_no_url_gives_a_server_error(client, visit, query):
    response = client.get(f"{url_in(visit, 'en')}?{query}")
    assert response.status_code == 200


def test_lower_case_country_codes_are_understood(client, visit):
    response = client.get(url_in(visit, "en"), {"purpose": "tourism", "nationality": "my"})
    assert question_key(response) == "days"


def test_the_home_page_offers_the_smart_answers_as_a_main_task(client):
    index = SmartAnswerIndexPage.objects.get()
    for language in LANGUAGES:
        html = client.get(f"/{language}/").content.decode()
        with translation.override(language):
            assert (
                f'<a class="card__link" href="{index.get_url()}">{gettext("Check what you need")}</a>' in html
            )


def test_the_section_lists_the_flows(client):
    index = SmartAnswerIndexPage.objects.get()
    html = client.get(url_in(index, "en")).content.decode()
    for page in index.flows():
        with translation.override("en"):
            assert f'<a href="{page.get_url()}">{page.title}</a>' in html


@pytest.mark.parametrize(
    ("language", "text", "slug"),
    [
        ("en", "overstayed", "melewati-izin-tinggal"),
        ("en", "spouse", "izin-tinggal-keluarga-atau-kerja"),  # a question's answer
        ("en", "deported", "melewati-izin-tinggal"),  # an outcome's title
        ("id", "deportasi", "melewati-izin-tinggal"),  # an outcome's text
    ],
)
def test_flows_are_found_by_search(language, text, slug):
    results = database_engine().search(SearchQuery(text=text, language=language))
    with translation.override(language):
        url = SmartAnswerPage.objects.get(slug=slug).get_url()
    assert url in [hit.url for hit in results.hits]


def test_changing_the_indonesian_flow_marks_translations_out_of_date(visit):
    assert visit.outdated_languages() == []
    data = list(visit.flow_ind.raw_data)
    data[0]["value"]["question"] = "Apa tujuan kunjungan Anda?"
    visit.flow_ind = data
    visit.save()
    assert visit.outdated_languages() == ["en", "ar", "zh-hans"]


def test_a_link_to_an_unpublished_guide_disappears_from_the_outcome(client, overstay):
    guide = GuidePage.objects.get(slug="denda-overstay")
    url = url_in(overstay, "en")
    params = {"days_over": "10", "reasons": "none", "leaving": "leave"}
    with translation.override("en"):
        guide_url = guide.get_url()
    html = main(client.get(url, params))
    assert f'<a href="{guide_url}">guide to overstay charges</a>' in html
    guide.unpublish()
    html = main(client.get(url, params))
    assert guide_url not in html
    assert "Read the guide to overstay charges." in html


def test_unpublished_flows_are_not_listed_and_home_survives_without_the_section(client):
    SmartAnswerIndexPage.objects.get().unpublish()
    html = client.get("/en/").content.decode()
    assert "Check what you need" not in html
    assert HomePage.objects.get().live


def test_the_api_lists_the_flows_with_their_steps(client, visit):
    response = client.get("/api/v1/smart-answers/?lang=en")
    assert response.status_code == 200
    items = response.json()["results"]
    assert [item["id"] for item in items][0] == visit.pk
    first = items[0]
    assert first["title"] == "Which visa do I need for a visit? (sample)"
    assert first["steps"][0] == {
        "key": "purpose",
        "kind": "choice",
        "text": "What is the main purpose of your visit?",
    }
    assert {"key": "exempt", "kind": "outcome", "text": "You do not need a visa for this visit"} in first[
        "steps"
    ]
    detail = client.get(f"/api/v1/smart-answers/{visit.pk}/?lang=ar").json()
    assert detail["language"] == "ar" and detail["steps"][1]["kind"] == "country"
