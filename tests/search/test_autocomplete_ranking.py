"""Autocomplete lists guides and topics before events and forms, and answers one Chinese character
(issue 22, item 6): on the database engine through the suggest view, and on OpenSearch. Guides
and topics are one tier; within a tier, titles starting with what was typed come first, then
those where it starts a word (a word as jieba cuts Chinese: 护 starts 护照, not 庇护者), then the
shorter. Indonesian pages standing in for untranslated ones are suggested, as results list them."""

import pytest

from core.searchable import SearchDocument
from search import service
from search.engines.base import SUGGEST_KINDS, SearchQuery
from search.models import SearchEntry
from search.suggest import suggest_words
from search.text import phrase

pytestmark = pytest.mark.django_db

# What the reviewers typed (issue 22, item 6); an Arabic word typed without its article, hamza
# and taa marbuta ("الإقامة"); two words, each of which the title must hold.
TYPED = [
    ("zh-hans", "护"),
    ("id", "pas"),
    ("en", "pas"),
    ("ar", "pas"),
    ("ar", "KITAS"),
    ("ar", "اقامه"),
    ("id", "kitas pas"),
    ("en", "lost pass"),
]


def suggest(client, text, language="en"):
    response = client.get(f"/{language}/search/suggest/", {"q": text})
    assert response.status_code == 200
    return response.json()["suggestions"]


def kinds_of(suggestions):
    """The suggestions' kinds, by address (an Indonesian page standing in has its own)."""
    kinds = dict(SearchEntry.objects.values_list("url", "kind"))
    return [kinds[suggestion["url"]] for suggestion in suggestions]


def tier(kind):
    return next(position for position, kinds in enumerate(SUGGEST_KINDS) if kind in kinds)


def in_kind_order(kinds):
    places = [tier(kind) for kind in kinds]
    return places == sorted(places)


def start(title, typed):
    """0: the title starts with what was typed; 1: what was typed starts one of its words; 2: it
    is inside one. An Arabic word typed without its article starts the word with it too."""
    title, typed = suggest_words(title), suggest_words(typed)
    starts = (typed, f"ال{typed}")
    if title.startswith(starts):
        return 0
    return 1 if any(f" {word}" in title for word in starts) else 2


def order_keys(suggestions, typed):
    return [
        (tier(kind), start(suggestion["title"], typed), len(suggestion["title"]))
        for suggestion, kind in zip(suggestions, kinds_of(suggestions), strict=True)
    ]


def titles(suggestions):
    return [suggestion["title"] for suggestion in suggestions]


@pytest.mark.parametrize("language", ["en", "id"])
def test_guides_come_before_events_and_forms(client, indexed, language):
    kinds = kinds_of(suggest(client, "pas", language))
    assert kinds[0] in SUGGEST_KINDS[0]
    assert {"event", "form"} & set(kinds) or len(kinds) == 8  # the list is not only guides by chance
    assert in_kind_order(kinds), kinds


@pytest.mark.parametrize(("language", "typed"), TYPED)
def test_a_tier_lists_titles_starting_with_the_text_then_where_it_starts_a_word(
    client, indexed, language, typed
):
    suggestions = suggest(client, typed, language)
    assert suggestions
    keys = order_keys(suggestions, typed)
    assert keys == sorted(keys), list(zip(titles(suggestions), keys, strict=True))


def test_guides_and_topics_are_one_tier(client, indexed):
    """The Passports topic is named as typed: before a guide holding "pas" in its fifth word."""
    found = titles(suggest(client, "pas", "id"))
    assert found.index("Paspor") < found.index("KITAS Penyatuan Keluarga untuk Pasangan dan Anak")


def test_one_chinese_character_suggests_the_words_it_starts_first(client, indexed):
    """护 starts 护照 (passport) as jieba cuts the title, not 庇护者 (asylum seeker), in which it is
    the second character of 庇护."""
    found = titles(suggest(client, "护", "zh-hans"))
    assert found[0] == "护照"
    assert found.index("通过M-Paspor申请新护照") < found.index("在联合国难民署登记为寻求庇护者")


def test_one_chinese_character_is_enough(client, indexed):
    suggestions = suggest(client, "护", "zh-hans")
    assert "护照" in titles(suggestions)  # the passports topic
    assert all("护" in title for title in titles(suggestions))
    kinds = kinds_of(suggestions)
    assert kinds[0] in SUGGEST_KINDS[0] and in_kind_order(kinds), kinds


def test_chinese_words_are_found_inside_a_title(client, indexed):
    assert "通过M-Paspor申请新护照" in titles(suggest(client, "新护", "zh-hans"))


@pytest.mark.parametrize(
    ("typed", "untranslated"), [("pas", "Paspor untuk Anak"), ("KITAS", "KITAP dan Alih Status dari KITAS")]
)
def test_untranslated_pages_are_suggested_as_results_list_them(client, indexed, typed, untranslated):
    """An Indonesian guide with no Arabic translation is in the Arabic results (noted as
    Indonesian), so typing its title's words suggests it too; one translated into Arabic is
    suggested in Arabic only."""
    found = titles(suggest(client, typed, "ar"))
    assert untranslated in found
    assert untranslated in [hit.title for hit in service.search(SearchQuery(typed, "ar")).hits]
    assert "Membuat Paspor Baru melalui M-Paspor" not in found
    assert "استخراج جواز سفر جديد عبر تطبيق M-Paspor" in titles(suggest(client, "pas", "ar"))


def test_one_latin_or_arabic_letter_suggests_nothing(client, indexed):
    assert suggest(client, "p") == []
    assert suggest(client, "ج", "ar") == []


@pytest.mark.parametrize("typed", ["تأشيرة", "تاشيره", "إقامة", "اقامه"])
def test_arabic_is_suggested_with_or_without_hamza_and_taa_marbuta(client, indexed, typed):
    """Titles are compared as search compares words (search/text.py): with or without hamza on
    alif and taa marbuta, the Arabic titles holding the word are suggested, with the article
    joined to it too ("الإقامة")."""
    suggestions = suggest(client, typed, "ar")
    assert suggestions
    assert all(phrase(typed) in phrase(suggestion["title"]) for suggestion in suggestions)


def test_words_are_cut_as_jieba_cuts_chinese():
    assert suggest_words("在联合国难民署登记为寻求庇护者").split()[-2:] == ["庇护", "者"]
    assert suggest_words("通过M-Paspor申请新护照") == "通过 m paspor 申请 新 护照"
    assert suggest_words("تصاريح الإقامة (KITAS/KITAP)") == "تصاريح الاقامه kitas kitap"


@pytest.mark.engine
def test_opensearch_suggests_what_the_database_does_in_the_same_order(client, remote_indexed):
    for language, typed in TYPED:
        assert remote_indexed.autocomplete(typed, language) == suggest(client, typed, language), (
            language,
            typed,
        )


@pytest.mark.engine
def test_opensearch_ranks_and_answers_one_character_too(remote_indexed):
    english = remote_indexed.autocomplete("pas", "en")
    kinds = kinds_of(english)
    assert kinds[0] in SUGGEST_KINDS[0] and in_kind_order(kinds), kinds
    chinese = remote_indexed.autocomplete("护", "zh-hans")
    assert titles(chinese)[0] == "护照"
    kinds = kinds_of(chinese)
    assert kinds[0] in SUGGEST_KINDS[0] and in_kind_order(kinds), kinds


@pytest.mark.engine
def test_opensearch_tells_a_word_start_however_many_words_share_the_letters(remote):
    """Where the typed text starts a word is told by the words' first letters as indexed, not
    by the words the engine expands a prefix to (50 at most for a phrase prefix): the shortest
    title, in which "pa" starts a word alphabetically after sixty others, still comes first."""
    titles = [f"Zz Pa{first}{second}xxxx" for first in "abc" for second in "abcdefghijklmnopqrst"]
    documents = [
        SearchDocument(
            source="test",
            object_id=str(number),
            language="id",
            kind="guide",
            title=title,
            url=f"/id/{number}/",
        )
        for number, title in enumerate([*titles, "Zz Pazz"])
    ]
    remote.index(documents)
    remote.refresh()
    assert remote.autocomplete("pa", "id")[0]["title"] == "Zz Pazz"
