"""The full-text index of the database engine (search/fulltext.py) finds what reading every
entry finds, stays in step with the entries, and survives SQLite rebuilding the table."""

import pytest
from django.db import connection

from search import fulltext
from search.models import SearchEntry
from search.text import phrase

pytestmark = pytest.mark.django_db

# Words of the demo content in the four languages: whole words, parts of words, phrases, and
# Chinese character pairs; plus words found nowhere.
STRINGS = [
    "paspor",
    "passport",
    "aspo",
    "izin tinggal",
    "kitas",
    "جواز",
    "السفر",
    "护照",
    "签证",
    "zzqx",
    "kantor imigrasi",
]


def reading_every_entry(text):
    return set(SearchEntry.objects.filter(search_text__contains=text).values_list("pk", flat=True))


def through_the_index(query):
    return set(SearchEntry.objects.filter(query).values_list("pk", flat=True))


@pytest.mark.parametrize("text", STRINGS)
def test_the_index_finds_what_reading_every_entry_finds(indexed, text):
    assert through_the_index(fulltext.holding(text)) == reading_every_entry(text)


def test_a_whole_word_is_found_whole(indexed):
    whole = through_the_index(fulltext.holding_word("paspor"))
    assert whole
    assert whole <= reading_every_entry("paspor")
    assert not any(
        " paspor " not in f" {text} "
        for text in SearchEntry.objects.filter(pk__in=whole).values_list("search_text", flat=True)
    )


@pytest.mark.parametrize("text", ["do", "per"])
def test_two_or_three_latin_letters_are_found_at_the_start_or_the_end_of_a_word(indexed, text):
    found = through_the_index(fulltext.holding(text))
    texts = SearchEntry.objects.filter(pk__in=found).values_list("search_text", flat=True)
    assert found and all(f" {text}" in f" {t} " or f"{text} " in f" {t} " for t in texts)
    assert found < reading_every_entry(text)  # some hold it inside a word only


@pytest.mark.parametrize("text", ["do", "kk", "car", "eat", "护照", "paspor"])
def test_ranking_counts_what_the_index_finds(indexed, text):
    """Python's ``occurs`` (ranking, the relevance floor) agrees with the lookup, two letters included."""
    texts = dict(SearchEntry.objects.values_list("pk", "search_text"))
    assert {pk for pk, held in texts.items() if fulltext.occurs(text, held)} == through_the_index(
        fulltext.holding(text)
    )
    assert fulltext.count("do", "do undo kodok dokumen") == 3


@pytest.mark.parametrize(
    ("text", "held", "times"),
    [
        ("do", "do undo kodok dokumen", 3),
        ("do", "do", 1),  # one word, at once its start and its end
        ("do", "ado dodo", 3),  # "dodo": its start and its end
        ("do", "adoa odoo", 0),  # inside words only
        ("护照", "护照 申请护照 护照丢失", 3),
        # Three Latin letters as two ("car" in "card", not in "mastercard"); Arabic words of
        # three letters take a prefix and a suffix at once ("عمل" in "بالعملة") and count anywhere.
        ("car", "car cards mastercard scar", 3),
        ("eat", "creation treatment threats", 0),
        ("عمل", "بالعملة", 1),
    ],
)
def test_counts_and_occurrence_agree(text, held, times):
    assert fulltext.count(text, held) == times
    assert fulltext.occurs(text, held) is (times > 0)


def test_any_of_several_strings(indexed):
    assert through_the_index(fulltext.holding_any(["passport", "护照"])) == reading_every_entry(
        "passport"
    ) | reading_every_entry("护照")


def test_the_holders_of_several_strings_each_looked_up_once(indexed, django_assert_num_queries):
    """A search's concepts share strings; each distinct one costs one lookup, not one per concept."""
    with django_assert_num_queries(2):
        found = fulltext.holders(["passport", "护照", "passport"], SearchEntry.objects)
    assert found == {"passport": reading_every_entry("passport"), "护照": reading_every_entry("护照")}


def test_the_index_follows_new_changed_and_removed_entries(indexed, add_entry):
    entry = add_entry("Quokka permits")
    assert through_the_index(fulltext.holding("quokka")) == {entry.pk}
    entry.search_text = phrase("Wombat permits")
    entry.save()
    assert through_the_index(fulltext.holding("quokka")) == set()
    assert through_the_index(fulltext.holding("wombat")) == {entry.pk}
    entry.delete()
    assert through_the_index(fulltext.holding("wombat")) == set()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own full-text index")
def test_the_index_comes_back_after_sqlite_rebuilt_the_table(indexed, add_entry):
    """Migrations that change SearchEntry make SQLite copy it into a new table, which drops its
    triggers (search 0005 did): ``install``, run after every migrate, restores and refills."""
    with connection.cursor() as cursor:
        for name in fulltext.SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    added = add_entry("Quokka")
    assert through_the_index(fulltext.holding("quokka")) == set()
    fulltext.install(connection)
    assert through_the_index(fulltext.holding("quokka")) == {added.pk}
    assert through_the_index(fulltext.holding("passport")) == reading_every_entry("passport")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigram index")
def test_postgresql_has_a_trigram_index_on_the_search_text(indexed):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            pytest.skip("pg_trgm is not installed with this PostgreSQL")
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_searchentry_search_text_trgm'"
        )
        assert "gin_trgm_ops" in cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigram index")
def test_without_pg_trgm_migrate_warns_and_search_still_works(indexed, monkeypatch, caplog):
    """A server without the extension, or a user without the right to create it."""
    monkeypatch.setattr(fulltext, "POSTGRES_INDEX", ["CREATE EXTENSION IF NOT EXISTS no_such_extension"])
    fulltext.install(connection)
    assert "No trigram index" in caplog.text
    assert through_the_index(fulltext.holding("passport")) == reading_every_entry("passport")
