"""The three sample smart answers, walked through every path in the four languages."""

import re

import pytest
from django.utils import translation

from cms.models import SmartAnswerIndexPage, SmartAnswerPage
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["id", "en", "ar", "zh-hans"]


def flow(slug):
    return SmartAnswerPage.objects.get(slug=slug)


def outcome_key(page, response):
    """The key of the outcome the response shows, found by its title in the page's language."""
    html = response.content.decode()
    titles = {
        step.value["title"]: key for key, step in page.reader_flow().steps.items() if not step.is_question
    }
    shown = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    return titles.get(shown)


def test_demo_has_three_sample_flows_in_four_languages():
    index = SmartAnswerIndexPage.objects.get()
    flows = list(index.flows())
    assert [page.slug for page in flows] == [
        "visa-untuk-berkunjung",
        "izin-tinggal-keluarga-atau-kerja",
        "melewati-izin-tinggal",
    ]
    for page in flows:
        assert page.available_languages() == LANGUAGES
        assert "(contoh)" in page.title_ind and "(sample)" in page.title_en


# (flow, answers in order, outcome, computed values shown in English)
PATHS = [
    ("visa-untuk-berkunjung", [("purpose", "work")], "work", []),
    ("visa-untuk-berkunjung", [("purpose", "tourism"), ("nationality", "NG")], "evisa", []),
    ("visa-untuk-berkunjung", [("purpose", "business"), ("nationality", "FR"), ("days", "45")], "evisa", []),
    (
        "visa-untuk-berkunjung",
        [("purpose", "tourism"), ("nationality", "MY"), ("days", "14"), ("arrival", "2027-03-01")],
        "exempt",
        ["March 30, 2027"],
    ),
    (
        "visa-untuk-berkunjung",
        [("purpose", "family"), ("nationality", "JP"), ("days", "30"), ("arrival", "2027-12-20")],
        "voa",
        ["January 18, 2028"],
    ),
    (
        "izin-tinggal-keluarga-atau-kerja",
        [("reason", "family"), ("sponsor", "spouse_citizen"), ("years_married", "3")],
        "kitap_spouse",
        [],
    ),
    (
        "izin-tinggal-keluarga-atau-kerja",
        [("reason", "family"), ("sponsor", "spouse_citizen"), ("years_married", "1")],
        "kitas_spouse",
        [],
    ),
    (
        "izin-tinggal-keluarga-atau-kerja",
        [("reason", "family"), ("sponsor", "parent_citizen")],
        "kitas_child",
        [],
    ),
    (
        "izin-tinggal-keluarga-atau-kerja",
        [("reason", "family"), ("sponsor", "foreign_family")],
        "kitas_dependent",
        [],
    ),
    (
        "izin-tinggal-keluarga-atau-kerja",
        [("reason", "work"), ("employer", "approved"), ("documents", ["passport", "diploma"])],
        "kitas_work",
        [],
    ),
    (
        "izin-tinggal-keluarga-atau-kerja",
        [("reason", "work"), ("employer", "approved"), ("documents", ["none"])],
        "passport_first",
        [],
    ),
    ("izin-tinggal-keluarga-atau-kerja", [("reason", "work"), ("employer", "not_yet")], "employer_first", []),
    ("izin-tinggal-keluarga-atau-kerja", [("reason", "work"), ("employer", "investor")], "investor", []),
    ("melewati-izin-tinggal", [("days_over", "61")], "over_60", []),
    (
        "melewati-izin-tinggal",
        [("days_over", "10"), ("reasons", ["hospital", "none"])],
        "force_majeure",
        ["IDR10,000,000"],
    ),
    (
        "melewati-izin-tinggal",
        [("days_over", "10"), ("reasons", ["none"]), ("leaving", "leave")],
        "pay_at_departure",
        ["IDR10,000,000"],
    ),
    (
        "melewati-izin-tinggal",
        [("days_over", "60"), ("reasons", ["none"]), ("leaving", "stay")],
        "pay_at_office",
        ["IDR60,000,000"],
    ),
]


def walk_through(client, page, language, answers):
    """Answer one question at a time as a reader does, checking each step asks the expected
    question; returns the last response."""
    url = url_in(page, language)
    params = [("start", "1")]
    for key, value in answers:
        response = client.get(url, params)
        assert response.status_code == 200
        html = response.content.decode()
        assert f'name="{key}"' in html, f"{page.slug}: expected question {key}"
        assert '<meta name="robots" content="noindex">' in html
        params = [pair for pair in params if pair[0] != "start"]
        params += [(key, item) for item in (value if isinstance(value, list) else [value])]
    return client.get(url, params)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("slug", "answers", "outcome", "values"), PATHS)
def test_every_path_of_the_demo_flows(client, language, slug, answers, outcome, values):
    page = flow(slug)
    response = walk_through(client, page, language, answers)
    assert response.status_code == 200
    with translation.override(language):
        assert outcome_key(page, response) == outcome
        html = response.content.decode()
        assert f'<html lang="{language}"' in html
        # The summary lists every answer with a link to change it.
        assert html.count('class="visually-hidden"> ') >= len(answers)
    if language == "en":
        for value in values:
            assert value in html


def test_the_paths_reach_every_outcome():
    for slug in {path[0] for path in PATHS}:
        outcomes = {key for key, step in flow(slug).reader_flow().steps.items() if not step.is_question}
        assert outcomes == {path[2] for path in PATHS if path[0] == slug}


def test_an_outcome_asks_whether_it_helped_and_a_question_does_not(client):
    slug, answers, _outcome, _values = PATHS[-1]
    page = flow(slug)
    outcome = walk_through(client, page, "en", answers).content.decode()
    assert f'action="/en/transparency/rate/{page.pk}/"' in outcome
    question = client.get(url_in(page, "en"), {"start": "1"}).content.decode()
    assert "/transparency/rate/" not in question
