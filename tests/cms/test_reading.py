"""Readers find a language they read: a page missing in theirs offers the versions that exist
(Arabic and Chinese readers: English first, then Indonesian), says so in their language, and every
piece of text is marked with the language it is really in; lists use the reader's comma."""

import re

import pytest
from django.utils import translation

from cms.models import GuidePage
from tests.foreign_text import LanguageOfText
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def read(client, page, language):
    response = client.get(url_in(page, language))
    assert response.status_code == 200
    parser = LanguageOfText()
    parser.feed(response.content.decode())
    return response.content.decode(), parser


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_a_guide_missing_in_the_readers_language_offers_english_then_indonesian(
    client, english_only_guide, language
):
    html, text = read(client, english_only_guide, language)
    offered = html[html.index('class="other-versions"') :]
    offered = offered[: offered.index("</ul>")]
    assert offered.index('hreflang="en"') < offered.index('hreflang="id"')
    assert 'lang="en" hreflang="en" dir="ltr">English<' in offered
    with translation.override(language):
        notice = translation.gettext("Read this page in:")
        label = translation.gettext("Last updated")
    assert notice != "Read this page in:"  # said in the reader's language
    assert text.language_of(notice) == language
    assert text.language_of(english_only_guide.title_ind) == "id"
    assert text.language_of(english_only_guide.summary_ind) == "id"
    assert text.language_of(label) == language  # the interface around it stays in the reader's language


def test_titles_in_a_list_carry_their_language_and_are_isolated(client, english_only_guide, guide):
    topic = english_only_guide.get_parent().specific
    html, text = read(client, topic, "ar")
    assert f'lang="id" dir="auto">{english_only_guide.title_ind}<' in html
    translated = next(
        page for page in GuidePage.objects.child_of(topic).live() if "ar" in page.available_languages()
    )
    assert f'lang="ar" dir="auto">{translated.title_ar}<' in html


def test_arabic_lists_use_the_arabic_comma(client):
    guide = next(page for page in GuidePage.objects.live() if page.audiences.count() >= 2)
    html, _text = read(client, guide, "ar")
    with translation.override("ar"):
        names = [str(audience) for audience in guide.audiences.all()]
    assert "، ".join(names) in html
    assert ", ".join(names) not in html


@pytest.mark.parametrize(
    ("language", "pattern"),
    [
        ("zh-hans", r"^\d{4}年\d{1,2}月\d{1,2}日$"),
        ("ar", r"^\d{1,2} [\u0600-\u06FF]+، \d{4}$"),
        ("id", r"^\d{1,2} [\w.]+ \d{4}$"),
    ],
)
def test_dates_are_written_the_readers_way(client, guide, language, pattern):
    html, _text = read(client, guide, language)
    dates = re.findall(r"<time datetime=\"[^\"]+\">([^<]+)</time>", html)
    assert dates and all(re.match(pattern, date) for date in dates), dates
