"""Autocomplete lists guides and topics before events and forms, and answers one Chinese character
(issue 22, item 6): on the database engine through the suggest view, and on OpenSearch."""

import pytest

from search.engines.base import SUGGEST_KINDS
from search.models import SearchEntry
from search.text import phrase

pytestmark = pytest.mark.django_db


def suggest(client, text, language="en"):
    response = client.get(f"/{language}/search/suggest/", {"q": text})
    assert response.status_code == 200
    return response.json()["suggestions"]


def kinds_of(suggestions, language):
    kinds = dict(SearchEntry.objects.filter(language=language).values_list("url", "kind"))
    return [kinds[suggestion["url"]] for suggestion in suggestions]


def in_kind_order(kinds):
    places = [SUGGEST_KINDS.index(kind) for kind in kinds]
    return places == sorted(places)


@pytest.mark.parametrize("language", ["en", "id"])
def test_guides_come_before_events_and_forms(client, indexed, language):
    kinds = kinds_of(suggest(client, "pas", language), language)
    assert kinds[0] == "guide"
    assert {"event", "form"} & set(kinds) or len(kinds) == 8  # the list is not only guides by chance
    assert in_kind_order(kinds), kinds


def test_one_chinese_character_is_enough(client, indexed):
    suggestions = suggest(client, "护", "zh-hans")
    titles = [suggestion["title"] for suggestion in suggestions]
    assert "护照" in titles  # the passports topic
    assert all("护" in title for title in titles)
    kinds = kinds_of(suggestions, "zh-hans")
    assert kinds[0] == "guide" and in_kind_order(kinds), kinds


def test_chinese_words_are_found_inside_a_title(client, indexed):
    titles = [suggestion["title"] for suggestion in suggest(client, "新护", "zh-hans")]
    assert "通过M-Paspor申请新护照" in titles


def test_one_latin_or_arabic_letter_suggests_nothing(client, indexed):
    assert suggest(client, "p") == []
    assert suggest(client, "ج", "ar") == []


@pytest.mark.engine
def test_opensearch_ranks_and_answers_one_character_too(remote_indexed):
    by_url = dict(SearchEntry.objects.values_list("url", "kind"))
    english = remote_indexed.autocomplete("pas", "en")
    kinds = [by_url[suggestion["url"]] for suggestion in english]
    assert kinds[0] == "guide" and in_kind_order(kinds), kinds
    chinese = remote_indexed.autocomplete("护", "zh-hans")
    assert "护照" in [suggestion["title"] for suggestion in chinese]
    kinds = [by_url[suggestion["url"]] for suggestion in chinese]
    assert kinds[0] == "guide" and in_kind_order(kinds), kinds


@pytest.mark.parametrize("typed", ["تأشيرة", "تاشيره", "إقامة", "اقامه"])
def test_arabic_is_suggested_with_or_without_hamza_and_taa_marbuta(client, indexed, typed):
    """Titles are compared as search compares words (search/text.py): with or without hamza on
    alif and taa marbuta, the Arabic titles holding the word are suggested, with the article
    joined to it too ("الإقامة")."""
    suggestions = suggest(client, typed, "ar")
    assert suggestions
    assert all(phrase(typed) in phrase(suggestion["title"]) for suggestion in suggestions)
