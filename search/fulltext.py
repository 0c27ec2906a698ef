"""Which index entries hold a string, without reading every entry's text.

The database engine, the relevance floor and "did you mean" all ask the same two questions
of ``SearchEntry.search_text`` (the entry's words, lower-cased, joined by single spaces,
Chinese as character pairs; search/text.py): does it hold this string anywhere (``holding``:
"paspor" in "paspornya") and does it hold this word whole (``holding_word``). A plain
``LIKE '%paspor%'`` answers both by reading every row, which at 50,000 entries costs a
quarter of a second per word.

On SQLite, an FTS5 table with the trigram tokenizer indexes every three-character run of
each text, padded with a space at both ends, so that a word is found whole as " word " and
a string of three characters or more anywhere. It is contentless: it only answers which
rows match; the text stays in SearchEntry. Strings of two characters have no trigram of
their own: they are looked up at the start or the end of a word, with the space beside them
("do" in "dokumen"), which for Chinese is the same as anywhere (its character pairs stand
apart, separated by spaces); a single character falls back to LIKE. Three Latin letters
are looked up the same way: inside longer words they are mostly other words ("eat" in
"creation", "cat" in "certificate"), and an off-topic question was answered with the pages
holding them (bench/search_quality.py: honest answers unchanged, nDCG@10 up on both lists).
Arabic words of three letters take a prefix and a suffix at once ("عمل" in "بالعملة"): found
anywhere, as before.
On PostgreSQL the same LIKE is served by a trigram index (pg_trgm) when the extension is
available.

``install`` sets this up after every ``migrate`` (search/apps.py) rather than in a migration:
SQLite rebuilds a table for many schema changes and drops its triggers with it, so the
triggers that keep the FTS table in step are checked, and restored with a full refill,
whenever migrations have run.
"""

import functools
import logging
import re

from django.db import DatabaseError, transaction
from django.db import connection as default_connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

logger = logging.getLogger(__name__)

MATCHING = "SELECT rowid FROM search_searchentry_fts WHERE search_searchentry_fts MATCH %s"
TRIGRAM = 3
# Latin strings this short count at the start or the end of a word only (``_edges_only``).
EDGE_ONLY = 3

SQLITE_TABLE = "CREATE VIRTUAL TABLE IF NOT EXISTS search_searchentry_fts USING fts5(search_text, content='', tokenize='trigram')"
SQLITE_TRIGGERS = {
    "search_searchentry_fts_insert": """
        CREATE TRIGGER search_searchentry_fts_insert AFTER INSERT ON search_searchentry BEGIN
            INSERT INTO search_searchentry_fts(rowid, search_text) VALUES (new.id, ' ' || new.search_text || ' ');
        END""",
    "search_searchentry_fts_delete": """
        CREATE TRIGGER search_searchentry_fts_delete AFTER DELETE ON search_searchentry BEGIN
            INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, search_text)
            VALUES ('delete', old.id, ' ' || old.search_text || ' ');
        END""",
    "search_searchentry_fts_update": """
        CREATE TRIGGER search_searchentry_fts_update AFTER UPDATE OF search_text ON search_searchentry BEGIN
            INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, search_text)
            VALUES ('delete', old.id, ' ' || old.search_text || ' ');
            INSERT INTO search_searchentry_fts(rowid, search_text) VALUES (new.id, ' ' || new.search_text || ' ');
        END""",
}
SQLITE_REFILL = [
    "INSERT INTO search_searchentry_fts(search_searchentry_fts) VALUES ('delete-all')",
    "INSERT INTO search_searchentry_fts(rowid, search_text) SELECT id, ' ' || search_text || ' ' FROM search_searchentry",
]
POSTGRES_INDEX = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_searchentry_search_text_trgm"
    " ON search_searchentry USING gin (search_text gin_trgm_ops)",
]


def install(connection):
    """Create the full-text index if it is missing, and refill it if its triggers were lost."""
    if connection.vendor == "sqlite":
        _install_sqlite(connection)
    elif connection.vendor == "postgresql":
        _install_postgresql(connection)


def _install_sqlite(connection):
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(SQLITE_TABLE)
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_searchentry'"
        )
        present = {name for (name,) in cursor.fetchall()}
        if set(SQLITE_TRIGGERS) <= present:
            return
        for name, statement in SQLITE_TRIGGERS.items():
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(statement)
        for statement in SQLITE_REFILL:
            cursor.execute(statement)


def _install_postgresql(connection):
    """The trigram index needs the pg_trgm extension, which a database owner may create where
    PostgreSQL ships it; without it (or without the right to create it) search still works,
    reading every row, and migrate says so rather than failing."""
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for statement in POSTGRES_INDEX:
                cursor.execute(statement)
    except DatabaseError as error:
        logger.warning("No trigram index for the database search engine (pg_trgm): %s", error)


def _fts_available():
    return default_connection.vendor == "sqlite"


def _match(expression):
    # The expression is a bound parameter; the SQL itself is constant.
    return Q(pk__in=RawSQL(MATCHING, [expression]))  # noqa: S611


def _quoted(text):
    return '"' + text.replace('"', '""') + '"'


def _edges_only(text):
    """Whether ``text`` counts at the start or the end of a word only ("do" in "dokumen", "car"
    in "card"), not inside one ("car" in "mastercard", "eat" in "creation", "art" in "jakarta")."""
    return len(text) == 2 or (len(text) == EDGE_ONLY and text.isascii())


def _expression(text):
    if not _edges_only(text):
        return _quoted(text)
    return f"({_quoted(' ' + text)} OR {_quoted(text + ' ')})"


@functools.lru_cache(maxsize=4096)
def _at_edges(text):
    """``text`` at the start or end of a word (after a space or the start, before a space or the
    end), compiled once per string: ranking asks it of every candidate for every query word."""
    escaped = re.escape(text)
    return re.compile(rf"(?:^|(?<= )){escaped}|{escaped}(?=$| )")


def count(text, search_text):
    """How often ``text`` is in ``search_text`` where the index finds it (two characters, and
    three Latin letters, only at the start or end of a word): what ranking counts is what the
    lookup found."""
    if not _edges_only(text):
        return search_text.count(text)
    if text not in search_text:  # most candidates: a plain substring test, no pattern run
        return 0
    return len(_at_edges(text).findall(search_text))


def occurs(text, search_text):
    """Whether ``count`` would find ``text``, by substring tests alone (no pattern run)."""
    if not _edges_only(text):
        return text in search_text
    return (
        f" {text}" in search_text
        or f"{text} " in search_text
        or search_text.startswith(text)
        or search_text.endswith(text)
    )


def holding(text):
    """Entries whose search_text holds ``text`` anywhere (a word, or words joined by spaces);
    a string of two characters, or three Latin letters, at the start or end of a word."""
    if len(text) < 2 or (not _edges_only(text) and not _fts_available()):
        return Q(search_text__contains=text)
    if not _fts_available():
        return (
            Q(search_text__startswith=text)
            | Q(search_text__contains=f" {text}")
            | Q(search_text__contains=f"{text} ")
            | Q(search_text__endswith=text)
        )
    return _match(_expression(text))


def holding_word(word):
    """Entries holding ``word`` whole (or words joined by spaces, as a run of whole words)."""
    if not _fts_available():
        return (
            Q(search_text__contains=f" {word} ")
            | Q(search_text__startswith=f"{word} ")
            | Q(search_text__endswith=f" {word}")
            | Q(search_text=word)
        )
    return _match(_quoted(f" {word} "))


def holding_any(texts):
    """Entries holding any of ``texts`` anywhere: one index lookup rather than one per text."""
    texts = list(texts)
    if not _fts_available() or any(len(text) < 2 for text in texts):
        query = Q()
        for text in texts:
            query |= holding(text)
        return query
    return _match(" OR ".join(_expression(text) for text in texts))


def holders(texts, entries):
    """The entries holding each of ``texts``: {text: primary keys}, among all of ``entries``
    (the SearchEntry manager), each distinct text looked up once.

    The database engine asks this of every string of a search's concepts. The concepts share
    strings (a long term's Indonesian terms stand in for each of its words), and a phrase of
    common trigrams costs a few milliseconds, found or not: one lookup per concept repeated
    them (bench/search.py, queries naming a concept at 10,000 entries: p95 167 -> 122 ms)."""
    found = {}
    for text in dict.fromkeys(texts):
        if _fts_available() and len(text) >= 2:
            with default_connection.cursor() as cursor:
                cursor.execute(MATCHING, [_expression(text)])
                found[text] = {row for (row,) in cursor.fetchall()}
        else:
            found[text] = set(entries.filter(holding(text)).values_list("pk", flat=True))
    return found
