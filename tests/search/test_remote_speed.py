"""What keeps an OpenSearch query fast at 100,000 documents (issue 26 item 4, bench/search.py).

Read through the engine's own profile of a query, on a real node: these are properties of
the request the engine receives, which no mock could show.
"""

import json
import re
from dataclasses import replace

import pytest

from search import pipeline
from search.engines.base import SearchQuery
from search.engines.remote import build_query

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def profiled_queries(engine, query):
    """{index name: the Lucene query that index's shard ran} for a search as the engine sends it."""
    body = build_query(query, alias=engine.alias)
    body["profile"] = True
    response = engine.client.search(engine._indexes_for(query.language), body)
    return {
        re.search(r"\]\[([^\]]+)\]\[", shard["id"]).group(1): shard["searches"][0]["query"][0]["description"]
        for shard in response["profile"]["shards"]
    }


def test_each_index_runs_only_its_languages_part_of_the_query(remote_indexed):
    """An English search reads the English index and the Indonesian one (pages standing in for
    untranslated ones); the typo clause of the Indonesian part must not run on the English
    index, where it would look up its terms for nothing. "pasport" becomes "passport" only
    through a typo clause: once on the English index."""
    english = remote_indexed.client.indexes_of(remote_indexed.alias("en"))[0]
    queries = profiled_queries(remote_indexed, SearchQuery(text="pasport", language="en"))
    assert set(queries) == {english, remote_indexed.client.indexes_of(remote_indexed.alias("id"))[0]}
    assert len(re.findall(r"\btitle:passport\b", queries[english])) == 1


def test_a_rebuilt_index_is_one_segment(remote):
    """Queries look each word and its typo variants up once per segment: a new index is merged
    into one before readers see it. A large rebuild leaves several segments (Lucene writes one
    each time its buffer fills); here the new indexes are refreshed between bulk requests."""
    demo = list(pipeline.all_documents())
    client = remote.client.client

    def documents():
        for number in range(3_000):
            if number % 500 == 0:
                client.indices.refresh(index=f"{remote.prefix}-*")
            copy = demo[number % len(demo)]
            yield replace(copy, object_id=f"{copy.object_id}-{number // len(demo)}")

    remote.rebuild(documents())
    for language in ("id", "en", "ar", "zh-hans"):
        name = remote.client.indexes_of(remote.alias(language))[0]
        shards = client.indices.segments(index=name)["indices"][name]["shards"]["0"]
        assert [copy["num_search_segments"] for copy in shards] == [1]


def test_the_highlighted_fields_keep_their_words_places(remote_indexed):
    """A result's extract is cut from the places stored with the index (the unified
    highlighter reads them from the postings) rather than from its text analysed again at
    every search: a sixth of a query's time at 100,000 documents."""
    name = remote_indexed.client.indexes_of(remote_indexed.alias("en"))[0]
    fields = remote_indexed.client.client.indices.get_mapping(index=name)[name]["mappings"]["properties"]
    assert {fields[field].get("index_options") for field in ("summary", "body")} == {"offsets"}
    hit = remote_indexed.search(SearchQuery(text="overstay fine", language="en")).hits[0]
    assert "<mark>" in hit.snippet.lower()


def test_an_extract_marks_the_words_asked_without_looking_their_typo_variants_up_again(remote_indexed):
    """Marking the relevance query itself looked every typo variant of every word up again in
    each extract (a tenth of a query naming a concept at 100,000 documents): the extracts mark
    the words of the query, its rewrites and its correction as the fields' analysers read them."""
    query = SearchQuery(text="overstay fine", language="en")
    body = build_query(
        query, corrected="overstay fines", expansions=["denda overstay"], alias=remote_indexed.alias
    )
    marked = json.dumps(body["highlight"]["highlight_query"])
    assert "fuzziness" not in marked
    assert all(text in marked for text in ("overstay fine", "overstay fines", "denda overstay"))
    # A misspelt question is marked through its correction ("pasport": the passport).
    hits = remote_indexed.search(SearchQuery(text="pasport", language="en")).hits
    assert any("<mark>passport" in hit.snippet.lower() for hit in hits)
