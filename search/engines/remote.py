"""Elasticsearch and OpenSearch: the same index definitions and queries, two clients.

Queries and index bodies are built once with elasticsearch-dsl (``search/index.py``,
``build_query`` below) as plain dictionaries; a small client adapter sends them
through the ``elasticsearch`` 8 client or through ``opensearch-py``, whose request
shapes differ slightly.

Every document is written with ``version_type=external_gte`` and the document's
version, so an update that arrives late can never replace a newer one.
"""

from dataclasses import replace
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch_dsl import Q, Search

from search import coverage, glossary, segment, spelling
from search import index as index_defs
from search.suggest import suggest_words, with_article
from search.text import CJK, place_keys, title_length, words

from .base import (
    FALLBACK_LANGUAGE,
    KIND_BOOSTS,
    KIND_NAMED_WEIGHT,
    MARK_END,
    MARK_START,
    PAST_EVENT_WEIGHT,
    SUGGEST_KINDS,
    WHOLE_NAME_WEIGHT,
    EngineUnavailable,
    Hit,
    QueryRefused,
    SearchEngine,
    SearchResults,
    languages,
    mark_snippet,
)

# Relevance, in three parts (see text_relevance):
# 1. Which documents match: most of the query's words (stemmed, with the synonym
#    graph) anywhere among title, summary, body, topic names and the names of
#    linked forms and partners, counted once per word whichever field holds it
#    (cross_fields); or, with a lower weight, any word allowing typos (fuzziness
#    only on the analysed fields).
# 2. Bonuses: the words as typed in the exact sub-fields (acronyms, regulation
#    numbers, words the stemmer would change), the words close together, and
#    all the words of a longer question but one (a page answering "employer keeps
#    my passport" names the employer and the passport, not just the passport).
# 3. Outside the text: kind, the document's own boost and recency (build_query).
RELATED_WEIGHT = 1.5  # names of linked forms and partners: more than body text, less than a title
TEXT_FIELDS = ["title^4", "summary^2", "body", "topic_titles^2", f"related^{RELATED_WEIGHT}"]
# Other names (an office's city and province in every language) count as typed, as the title
# does: a place's name in one language is often an ordinary word in another (وسط "middle" in
# وسط جاكرتا, Central Jakarta; ميدان "square" for Medan), whose stem would match unrelated
# questions (measured: one unseen Arabic question lost a relevant page with "names" stemmed).
EXACT_FIELDS = [
    "title.exact^5",
    "names^5",
    "summary.exact",
    "body.exact^0.5",
    f"related.exact^{RELATED_WEIGHT}",
]
PHRASE_FIELDS = ["title^4", "summary^2", "body"]
HIGHLIGHT_FIELDS = ["summary", "body"]  # a result's extract is cut from one of them
EXTRACT_SIZE = 200  # characters of a result's extract (the highlighter's fragment size)
# A fragment at least this share of EXTRACT_SIZE long was cut from a longer sentence (extract).
CUT_SHARE = 0.9
SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", "؟")
CLAUSE_MARKS = (",", "،", ";", "؛", ":", "，", "、", "；")
MOST_WORDS = "2<70%"  # up to two words: all of them; more: seven in ten
# Indonesian documents standing in for an untranslated page are searched with the
# reader's words through the cross-language rules of synonyms/id.txt; the words
# no rule translates cannot match there, so one matching word is enough.
FALLBACK_WORDS = "1"
FUZZY_WEIGHT = 0.5
# (fuzziness, prefix length). A typo is looked for beyond the first two letters as typed:
# readers rarely mistype those, and each letter kept narrows the walk through every field's
# words that finds the variants (a sixth of a query naming a glossary concept at 100,000
# documents, bench/search.py). Chinese is indexed as character pairs, which AUTO fuzziness
# (no edit below three letters) never corrects: one wrong character in a pair (签正 for 签证)
# is allowed, keeping the first character as typed.
FUZZY = ("AUTO", 2)
FUZZY_BY_LANGUAGE = {"zh-hans": ("1", 1)}
EXACT_WEIGHT = 0.5
PHRASE_WEIGHT = 1.0
PHRASE_SLOP = 2
SUGGEST_MODE = "missing"
EXPAND_CORRECTED = True
COVERAGE_WORDS = "3<-1"  # up to three words: all of them; more: all but one
COVERAGE_WEIGHT = 1.0
EXPANSIONS = 4  # rewritten queries per search (glossary.variants)
# What the engines' refusal of a query with more clauses than they allow says (1,024 on
# OpenSearch 2, "Query contains too many nested clauses; maxClauseCount is set to 4096" on
# Elasticsearch 8): that query is too wide, the engine is fine (RemoteEngine._narrowed).
CLAUSE_LIMIT = "maxClauseCount"
# A term of a concept the query names, found whole (concept_phrases): as the query's own
# words close together weigh (PHRASE_WEIGHT).
CONCEPT_PHRASE_WEIGHT = PHRASE_WEIGHT
CONCEPT_PHRASE_FIELDS = ["title.exact^4", "summary.exact^2", "body.exact"]
NAMED_AFTER_WEIGHT = 2.0  # a page named after the query (named_after): as title_fit 1 weighs
# The first results come again in order of how much of the question each holds (by_coverage):
# this many of them, the score multiplied by 1 + RERANK_WEIGHT times the share held. Measured
# with bench/search_quality.py (docs/performance.md, seventeenth session): window 20, 30 and 50
# the same; weight 0.5, 1, 2 and 4 gained .854, .857, .861, .862 (tuned, all languages).
RERANK_WINDOW = 30
RERANK_WEIGHT = 2.0
# Autocomplete's order as a score (build_autocomplete): a step per tier of SUGGEST_KINDS, above
# all that a title's start adds: the typed text starting one of its words, more its first.
SUGGEST_STEP = 10
SUGGEST_WORD_START = 2
SUGGEST_TITLE_START = 4
FACETS = {"kind": "kind", "topics": "topics", "audience": "audience"}
# While a new index is filled nobody reads it: no refreshes, no per-request fsync.
LOADING_SETTINGS = {"index": {"refresh_interval": "-1", "translog.durability": "async"}}
SERVING_SETTINGS = {"index": {"refresh_interval": "1s", "translog.durability": "request"}}
# A new index is merged into one segment before readers see it: each query looks its words
# and their typo variants up once instead of once per segment (a fifth of its time at 100,000
# documents). The merge of 25,000 documents takes seconds, beyond the readers' timeout.
MERGE_TIMEOUT = 600
# Writing 1,000 documents takes a loaded node seconds: a bulk request waits longer than a
# reader would (a rebuild on a busy two-core machine timed out at the readers' 2 s).
WRITE_TIMEOUT = 60


class OpenSearchClient:
    """Adapter over opensearch-py."""

    def __init__(self, url, timeout):
        # Only the client of the engine in use is loaded: a deployment runs one of the two.
        from opensearchpy import OpenSearch, helpers
        from opensearchpy.exceptions import ConnectionError as ConnectionFailure
        from opensearchpy.exceptions import TransportError

        self.client = OpenSearch(hosts=[url], timeout=timeout, max_retries=0, retry_on_timeout=False)
        # Creating, changing and removing indexes waits as a bulk write does, not as a reader:
        # a loaded node took more than the readers' 2 s to create an index (CI, two cores).
        self.writer = OpenSearch(hosts=[url], timeout=WRITE_TIMEOUT, max_retries=0, retry_on_timeout=False)
        self.helpers = helpers
        self.errors = (ConnectionFailure, TransportError)

    def create_index(self, name, body):
        self.writer.indices.create(index=name, body=body)

    def search(self, index, body):
        return self.client.search(index=index, body=body)

    def put_analysis(self, name, analysis):
        self.writer.indices.close(index=name)
        try:
            self.writer.indices.put_settings(index=name, body={"analysis": analysis})
        finally:
            self.writer.indices.open(index=name)

    def update_aliases(self, actions):
        self.writer.indices.update_aliases(body={"actions": actions})

    def indexes_of(self, alias):
        if not self.client.indices.exists_alias(name=alias):
            return []
        return list(self.client.indices.get_alias(name=alias).keys())

    def delete_index(self, name):
        self.writer.indices.delete(index=name, ignore_unavailable=True)

    def put_settings(self, name, settings):
        self.writer.indices.put_settings(index=name, body=settings)

    def put_mapping(self, name, mapping):
        self.writer.indices.put_mapping(index=name, body=mapping)

    def refresh(self, name):
        self.client.indices.refresh(index=name)

    def force_merge(self, name):
        self.client.indices.forcemerge(
            index=name, max_num_segments=1, params={"request_timeout": MERGE_TIMEOUT}
        )

    def bulk(self, actions, **options):
        """helpers.bulk with the writing timeout; (ok, errors)."""
        return self.helpers.bulk(self.writer, actions, **options)

    def info(self):
        return self.client.info()


class ElasticsearchClient(OpenSearchClient):
    """Adapter over the elasticsearch 8 client (keyword arguments instead of bodies)."""

    def __init__(self, url, timeout):
        from elasticsearch import ApiError, Elasticsearch, TransportError, helpers  # as above

        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)
        self.writer = self.client.options(request_timeout=WRITE_TIMEOUT)
        self.helpers = helpers
        self.errors = (ApiError, TransportError)

    def create_index(self, name, body):
        self.writer.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])

    def search(self, index, body):
        return self.client.search(index=index, **body).body

    def put_analysis(self, name, analysis):
        self.writer.indices.close(index=name)
        try:
            self.writer.indices.put_settings(index=name, settings={"analysis": analysis})
        finally:
            self.writer.indices.open(index=name)

    def update_aliases(self, actions):
        self.writer.indices.update_aliases(actions=actions)

    def indexes_of(self, alias):
        if not self.client.indices.exists_alias(name=alias):
            return []
        return list(self.client.indices.get_alias(name=alias).body.keys())

    def put_settings(self, name, settings):
        self.writer.indices.put_settings(index=name, settings=settings)

    def put_mapping(self, name, mapping):
        self.writer.indices.put_mapping(index=name, **mapping)

    def force_merge(self, name):
        self.client.options(request_timeout=MERGE_TIMEOUT).indices.forcemerge(index=name, max_num_segments=1)

    def info(self):
        return self.client.info().body


def language_filter(language):
    """Documents in the reader's language, and Indonesian ones that have no translation into it."""
    if language == FALLBACK_LANGUAGE:
        return Q("term", language=language)
    fallback = Q("term", language=FALLBACK_LANGUAGE) & ~Q("term", available_languages=language)
    return Q("bool", should=[Q("term", language=language), fallback], minimum_should_match=1)


def words_match(text, minimum, fuzzy=FUZZY):
    """Documents holding enough of the query's words, or (weighted lower) any of them with typos."""
    options = {"auto_generate_synonyms_phrase_query": False}  # a multi-word synonym: all its words
    return Q(
        "bool",
        should=[
            Q(
                "multi_match",
                query=text,
                fields=TEXT_FIELDS,
                type="cross_fields",
                minimum_should_match=minimum,
                **options,
            ),
            Q(
                "multi_match",
                query=text,
                fields=TEXT_FIELDS,
                type="most_fields",
                fuzziness=fuzzy[0],
                prefix_length=fuzzy[1],
                max_expansions=20,
                boost=FUZZY_WEIGHT,
                **options,
            ),
        ],
        minimum_should_match=1,
    )


def text_relevance(text, language, alias=index_defs.alias_name):
    """The text part of relevance: what matches, in the reader's language and in the fallback.

    Each language has an index of its own (``alias`` names it), so the two parts are told
    apart by ``_index`` rather than by the ``language`` field: the engine resolves an
    ``_index`` term on each shard before building the query, and drops the part that cannot
    match there with its typo clause, whose terms it would otherwise look up in vain (a
    fifth of the query's time at 100,000 documents, bench/search.py). Same results."""
    if language == FALLBACK_LANGUAGE:
        matching = words_match(text, MOST_WORDS)
    else:
        matching = Q(
            "bool",
            should=[
                Q(
                    "bool",
                    must=[words_match(text, MOST_WORDS, FUZZY_BY_LANGUAGE.get(language, FUZZY))],
                    filter=[Q("term", _index=alias(language))],
                ),
                Q(
                    "bool",
                    must=[words_match(text, FALLBACK_WORDS)],
                    filter=[Q("term", _index=alias(FALLBACK_LANGUAGE))],
                ),
            ],
            minimum_should_match=1,
        )
    bonuses = [
        Q(
            "multi_match",
            query=text,
            fields=TEXT_FIELDS,
            type="cross_fields",
            minimum_should_match=COVERAGE_WORDS,
            auto_generate_synonyms_phrase_query=False,
            boost=COVERAGE_WEIGHT,
        ),
        Q("multi_match", query=text, fields=EXACT_FIELDS, type="most_fields", boost=EXACT_WEIGHT),
        Q(
            "multi_match",
            query=text,
            fields=PHRASE_FIELDS,
            type="phrase",
            slop=PHRASE_SLOP,
            boost=PHRASE_WEIGHT,
        ),
    ]
    return Q("bool", must=[matching], should=bonuses)


def build_suggestion(text):
    """The "did you mean" part of a request: the closest phrase made of words in titles."""
    phrase = {
        "field": "spell",
        "size": 1,
        "confidence": 1.0,
        "max_errors": 1,  # one word corrected at most: a reader rarely mistypes more
        "direct_generator": [{"field": "spell", "suggest_mode": SUGGEST_MODE, "min_word_length": 3}],
    }
    return {"did_you_mean": {"text": text, "phrase": phrase}}


def expansion_match(text, boost=1.0):
    """A query rewritten with the glossary's terms: most of its words, without the typo clause
    and the bonuses of text_relevance (each rewritten query with all of them would multiply the
    clauses past the engines' limit of 1,024)."""
    return Q(
        "multi_match",
        query=text,
        fields=TEXT_FIELDS,
        type="cross_fields",
        minimum_should_match=MOST_WORDS,
        auto_generate_synonyms_phrase_query=False,
        boost=boost,
    )


def expansion_weight(text, concepts):
    """How much a rewritten query weighs: a Chinese term of a concept the query names, alone
    ("永久 久居 居留 留许 许可" for 绿卡), as one word rather than one per character pair. The
    engine counts each pair as a word, so the Chinese topic page holding that term outweighed
    the untranslated page about permanent stay five to one; the database engine counts a term
    once. Rewritten questions keep their weight: their own words are in them too, and weighing
    those down lost the long Chinese questions (docs/performance.md, thirteenth session)."""
    pairs = text.split()
    if (
        len(pairs) > 1
        and all(CJK.search(pair) for pair in pairs)
        and any(text in terms for terms in concepts)
    ):
        return 1 / len(pairs)
    return 1.0


def named_after(text):
    """Documents whose title holds every word of ``text`` and has no more words than it: the
    page named after what was asked ("visa", "签证"), weighed up as the database engine does
    with its ``title_fit``. The title's length is stored with the document
    (search.text.title_length); its words are matched by the title's analyser (stems,
    normalised Arabic, Chinese pairs). The glossary's rewritten queries are left out: they
    cost a clause each and found no page the query itself did not (tuned list)."""
    length = title_length(text)
    if not length:
        return None
    return Q(
        "bool",
        must=[Q("match", title={"query": text, "operator": "and"})],
        filter=[Q("range", title_length={"lte": length})],
    )


def concept_phrases(concepts, language):
    """Bonuses for the pages holding a term of a concept the query names whole, once per
    concept (its best term): the database engine's way of counting a term (search/engines/
    database.py ``concepts``). The rewritten queries match most of a term's words anywhere, so a
    page named after part of a term (the topic page "Izin Tinggal" for "izin tinggal tetap",
    the permanent stay permit that 绿卡 names) outranked the page about the whole of it; worst
    on the Indonesian pages that stand in for untranslated ones, where one word is enough.

    The terms are matched as written (``exact`` sub-fields, segment.as_written): through the
    synonym graph each term would become dozens of clauses, past the engines' limit of 1,024.
    Not for Indonesian readers: their words meet the Indonesian pages as typed, which the
    query's own phrase bonus weighs, and the phrases of the concepts' other terms outweighed
    them (measured on the tuned list: .872 -> .858; "bule", a foreigner, brought "orang asing"
    onto every page about foreigners' obligations)."""
    if language == FALLBACK_LANGUAGE:
        return []
    return [
        Q(
            "dis_max",
            queries=[
                Q("multi_match", query=term, fields=CONCEPT_PHRASE_FIELDS, type="phrase")
                for term in dict.fromkeys(map(segment.as_written, terms))
            ],
            boost=CONCEPT_PHRASE_WEIGHT,
        )
        for terms in concepts
        if terms
    ]


def build_query(query, now=None, corrected="", expansions=(), alias=index_defs.alias_name, concepts=()):
    """The search request body for a SearchQuery (elasticsearch-dsl, as a dict).

    ``expansions`` are the query rewritten with the glossary's terms (glossary.variants): a
    document matching one of them matches too, so an edited glossary works at the next search.
    ``alias`` names a language's index (RemoteEngine.alias); ``concepts`` the terms of each
    concept the query names (glossary.Match.alternatives, ``concept_phrases``). The text
    matched is the query's without its question words and with its Chinese words apart
    (search/segment.py ``matched``); "did you mean" reads it as typed.
    """
    matched = segment.matched(query.text, query.language)
    matched_correction = corrected and segment.matched(corrected, query.language)
    text_query = text_relevance(matched, query.language, alias)
    if corrected:
        text_query = Q(
            "bool",
            should=[text_query, text_relevance(matched_correction, query.language, alias)],
            minimum_should_match=1,
        )
    rewritten = [text for text in dict.fromkeys(expansions) if text not in (query.text, corrected)]
    if rewritten:
        expanded = [expansion_match(text, expansion_weight(text, concepts)) for text in rewritten]
        text_query = Q("bool", should=[text_query, *expanded], minimum_should_match=1)
    phrases = concept_phrases(concepts, query.language)
    if phrases:
        text_query = Q("bool", must=[text_query], should=phrases)
    functions = [
        {"filter": {"term": {"kind": kind}}, "weight": weight} for kind, weight in KIND_BOOSTS.items()
    ]
    named = named_after(matched)
    if named:
        functions.append({"filter": named.to_dict(), "weight": NAMED_AFTER_WEIGHT})
    names = segment.named_whole(query.text)
    if names:
        functions.append({"filter": {"terms": {"places": sorted(names)}}, "weight": WHOLE_NAME_WEIGHT})
    kinds = segment.kinds_named(query.text)
    if kinds:
        functions.append({"filter": {"terms": {"kind": sorted(kinds)}}, "weight": KIND_NAMED_WEIGHT})
    functions.append({"field_value_factor": {"field": "boost", "missing": 1}})
    # An event whose start has passed is history: findable, below what is still to come.
    functions.append(
        {"filter": {"range": {"event_start": {"lt": now or "now"}}}, "weight": PAST_EVENT_WEIGHT}
    )
    functions.append(
        {"gauss": {"updated": {"origin": now or "now", "scale": "365d", "decay": 0.8}}, "weight": 1}
    )
    scored = Q(
        "function_score", query=text_query, functions=functions, score_mode="multiply", boost_mode="multiply"
    )
    filters = [language_filter(query.language)]
    if query.upcoming_only:
        filters.append(Q("range", event_start={"gte": "now"}))
    search = Search().query(Q("bool", must=[scored], filter=filters))
    selected = []
    if query.kinds:
        selected.append(Q("terms", kind=list(query.kinds)))
    if query.topics:
        selected.append(Q("terms", topics=list(query.topics)))
    if query.audiences:
        selected.append(Q("terms", audience=list(query.audiences)))
    if selected:
        search = search.post_filter(Q("bool", filter=selected))
    for name, field in FACETS.items():
        search.aggs.bucket(name, "terms", field=field, size=30)
    search = search.highlight(
        *HIGHLIGHT_FIELDS,
        fragment_size=EXTRACT_SIZE,
        number_of_fragments=1,
        pre_tags=[MARK_START],
        post_tags=[MARK_END],
    )
    search = search.highlight_options(
        encoder="default",
        no_match_size=EXTRACT_SIZE,
        highlight_query=highlight_query([matched, matched_correction, *rewritten]),
    )
    search = search.source(
        ["title", "title_language", "url", "kind", "language", "summary", "topics", "updated"]
    )
    body = search[query.offset : query.offset + query.per_page].to_dict()
    # "Did you mean" rides along in the same request: a typo can still match many
    # documents through fuzziness, so the suggestion is always asked for, at no extra
    # round trip, and shown when the engine finds a better-scoring spelling.
    body["suggest"] = build_suggestion(query.text)
    return body


def by_coverage(query, raw_hits):
    """The engine's first ``RERANK_WINDOW`` hits ordered again by how much of the question each
    holds, as the database engine ranks: each of the query's concepts weighted by how few of
    those pages hold it, three times for a concept the glossary names (search/coverage.py
    ``weighing_among``), each score multiplied by 1 + ``RERANK_WEIGHT`` times the share held.
    BM25 counts words where they repeat and a title four times: a page holding a rare term the
    question names once, in other words than the typed ones ("many trips" for a multiple-entry
    visa, "pulang ke negara asal" for the exit permit), came after pages holding the common
    words of a long question in their title. The pages' words are read from the database
    engine's index. Trusted whole: a page not yet there, as the relevance floor trusts it, and a
    page of the kind the query names (search/segment.py ``kinds_named``), which is what "form"
    asks for, though a form's few words hold little of "护照申请表" (passport application form)
    beside the passport guide. Equal scores keep the engine's order."""
    window = raw_hits[:RERANK_WINDOW]
    sources = [hit["_source"] for hit in window]
    texts = coverage.texts_of([(source["url"], source["language"]) for source in sources])
    measure = coverage.weighing_among(
        query.text, query.language, [text for text in texts if text is not None]
    )
    if measure is None:
        return raw_hits
    kinds = segment.kinds_named(query.text)
    weighed = []
    for hit, source, text in zip(window, sources, texts, strict=True):
        share = 1.0 if text is None or source["kind"] in kinds else measure.share(text)
        weighed.append((hit["_score"] * (1 + RERANK_WEIGHT * share), hit))
    return [hit for _score, hit in sorted(weighed, key=lambda pair: -pair[0])] + raw_hits[RERANK_WINDOW:]


def highlight_query(texts):
    """What a result's extract marks: the words of the query, of its correction and of its
    rewrites, as the fields' analysers read them (stems, synonyms), without the typo variants
    and bonuses relevance adds. Marking the relevance query itself looked every fuzzy variant
    up again in each extract: a tenth of a query naming a concept at 100,000 documents
    (p95 53.0 -> 48.2 ms on bench/search.py's index, docs/performance.md)."""
    return Q(
        "bool",
        should=[
            Q("multi_match", query=text, fields=HIGHLIGHT_FIELDS, auto_generate_synonyms_phrase_query=False)
            for text in dict.fromkeys(filter(None, texts))
        ],
    ).to_dict()


def extract(fragment):
    """A highlighted fragment as a result's extract, with "…" where the engine cut it out of a
    longer sentence, as the database engine's extracts have (search/engines/database.py
    ``snippet``). The engine returns the sentences around what was found that fit in
    EXTRACT_SIZE, and cuts a longer one between two words. Cut at its start: a fragment
    beginning in lower case or with a comma, or nearly EXTRACT_SIZE long and not beginning as
    a sentence does (scripts without capitals cannot tell, and are taken as cut). Cut at its
    end: nearly EXTRACT_SIZE long and not ending a sentence."""
    text = fragment.strip()
    plain = text.replace(MARK_START, "").replace(MARK_END, "")
    cut = len(plain) >= EXTRACT_SIZE * CUT_SHARE
    first = plain[:1]
    starts_cut = (
        first.islower() or first in CLAUSE_MARKS or (cut and not (first.isupper() or first.isdigit()))
    )
    if first in CLAUSE_MARKS:
        text = text[1:].lstrip()
    ends_cut = cut and not plain.endswith(SENTENCE_ENDS)
    return mark_snippet(text, "… " if starts_cut else "", " …" if ends_cut else "")


def build_autocomplete(text, language, limit=8):
    """The autocomplete request body: titles holding every typed word, the last one as the start
    of a word (Chinese: of any character, as the suggest field's standard tokenizer cuts it),
    from the reader's language and the Indonesian pages not translated into it, as the results
    list them (language_filter). In the database engine's order: the tiers of SUGGEST_KINDS,
    then titles starting with the typed text, then those in which it starts a word (Chinese
    words as jieba cuts them, ``suggest_words``: 护 starts 护照, not 庇护者), then the shortest.

    The order is the score alone (boost_mode "replace"): the tier's step (SUGGEST_STEP) plus what
    the title's start adds, then the title's length sorts. The typed text, normalised as the
    stored ``suggest_words`` are (Arabic hamza and taa marbuta, the article), also matches the
    titles whose written forms the suggest field holds differently ("اقامه" for "الإقامة")."""
    typed = with_article(suggest_words(text))
    starts_title = Q("bool", should=[Q("prefix", suggest_words__start=form) for form in typed])
    starts_word = Q("bool", should=[Q("match_phrase_prefix", suggest_words=form) for form in typed])
    matching = Q(
        "multi_match",
        query=text,
        type="bool_prefix",
        operator="and",
        fields=["suggest", "suggest._2gram", "suggest._3gram"],
    )
    steps = [
        {"filter": {"terms": {"kind": list(kinds)}}, "weight": SUGGEST_STEP * (len(SUGGEST_KINDS) - position)}
        for position, kinds in enumerate(SUGGEST_KINDS)
    ]
    ranked = Q(
        "function_score",
        query=Q("bool", must=[matching | starts_word], filter=[language_filter(language)]),
        functions=[
            *steps,
            {"filter": starts_title.to_dict(), "weight": SUGGEST_TITLE_START},
            {"filter": starts_word.to_dict(), "weight": SUGGEST_WORD_START},
        ],
        score_mode="sum",
        boost_mode="replace",
    )
    return (
        Search()
        .query(ranked)
        # An index built before suggest_length (until `search_index rebuild`) still answers.
        .sort(
            "_score", {"suggest_length": {"order": "asc", "unmapped_type": "short"}}, {"title.keyword": "asc"}
        )
        .source(["title", "url"])
        .extra(size=limit)
        .to_dict()
    )


class RemoteEngine(SearchEngine):
    def __init__(self, kind, url, timeout=2.0, prefix=None):
        self.name = kind
        self.url = url
        self.client = (OpenSearchClient if kind == "opensearch" else ElasticsearchClient)(url, timeout)
        self.prefix = prefix
        self._ready = False

    def alias(self, language):
        return f"{self.prefix}-{language}" if self.prefix else index_defs.alias_name(language)

    def _call(self, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except self.client.errors as error:
            if CLAUSE_LIMIT in str(error):
                raise QueryRefused(f"{self.name}: {error}") from error
            raise EngineUnavailable(f"{self.name}: {error}") from error

    def info(self):
        """The engine's own description; raises EngineUnavailable when it does not answer."""
        return self._call(self.client.info)

    # --- index lifecycle ------------------------------------------------------

    def new_index_name(self, language):
        return f"{self.alias(language)}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    def write_alias(self, language):
        """Writers use their own alias, so that writes and reads can be pointed apart if needed."""
        return f"{self.alias(language)}-write"

    def _has_icu(self):
        """Whether the analysis-icu plugin is installed (better Chinese word breaking)."""
        try:
            plugins = self.client.writer.cat.plugins(format="json")
        except self.client.errors:
            return False
        plugins = getattr(plugins, "body", plugins)
        return any(plugin.get("component") == "analysis-icu" for plugin in plugins)

    def _create(self, name, language):
        body = index_defs.index_body(language, icu=self._has_icu(), replicas=settings.SEARCH_REPLICAS)
        self._call(self.client.create_index, name, body)

    def _point_aliases(self, language, name, previous=()):
        """Move the read and write aliases to ``name`` in one atomic step."""
        actions = []
        for alias in (self.alias(language), self.write_alias(language)):
            actions += [{"remove": {"index": old, "alias": alias}} for old in previous]
            actions.append({"add": {"index": name, "alias": alias}})
        return actions

    def ensure_indexes(self):
        """Create each language's index and aliases when missing (first start); give an index
        built by an earlier version the fields added since. Its mapping is strict, so before,
        every document written to it after an upgrade was refused until `search_index rebuild`
        (and retried meanwhile). The documents already there get the new fields' values at the
        rebuild; a field whose definition changed still needs one (the engine refuses the
        change, and the refusal is the update's error)."""
        if self._ready:
            return
        for language in languages():
            names = self._call(self.client.indexes_of, self.alias(language))
            if not names:
                name = self.new_index_name(language)
                self._create(name, language)
                self._call(self.client.update_aliases, self._point_aliases(language, name))
                continue
            mapping = index_defs.index_body(language, icu=self._has_icu())["mappings"]
            for name in names:
                self._call(self.client.put_mapping, name, mapping)
        self._ready = True

    def rebuild(self, documents):
        """Build fresh indexes beside the live ones, then swap the aliases in one step.

        Readers see the old indexes until the swap and the new ones right after:
        there is no moment without results. Returns the number of documents sent.
        """
        new = {language: self.new_index_name(language) for language in languages()}
        for language, name in new.items():
            self._create(name, language)
            self._call(self.client.put_settings, name, LOADING_SETTINGS)
        count = 0

        def actions():
            nonlocal count
            for document in documents:
                count += 1
                yield self._action(document, new[document.language])

        self._bulk(actions())
        old = {language: self._call(self.client.indexes_of, self.alias(language)) for language in new}
        swap = []
        for language, name in new.items():
            self._call(self.client.refresh, name)
            self._call(self.client.force_merge, name)
            self._call(self.client.put_settings, name, SERVING_SETTINGS)
            swap += self._point_aliases(language, name, old[language])
        self._call(self.client.update_aliases, swap)
        for names in old.values():
            for name in names:
                self._call(self.client.delete_index, name)
        self._ready = True
        return count

    def drop(self):
        """Remove every index behind this engine's aliases (tests and `search_index drop`)."""
        for language in languages():
            for name in self._call(self.client.indexes_of, self.alias(language)):
                self._call(self.client.delete_index, name)
        self._ready = False

    def reload_synonyms(self):
        """Apply edited synonym files: close, update analysis settings, reopen. No reindex."""
        for language in languages():
            for name in self._call(self.client.indexes_of, self.alias(language)):
                self._call(self.client.put_analysis, name, index_defs.analysis_settings(language))

    def refresh(self):
        for language in languages():
            self._call(self.client.refresh, self.alias(language))

    # --- writing --------------------------------------------------------------

    def _action(self, document, index_name):
        return {
            "_op_type": "index",
            "_index": index_name,
            "_id": document.doc_id,
            "version": document.version,
            "version_type": "external_gte",
            "_source": {
                **document.to_index(),
                "title_length": title_length(document.title),
                "places": place_keys(document.places),
                "suggest_words": suggest_words(document.title),
                "suggest_length": len(document.title),
            },
        }

    def _bulk(self, actions):
        def run():
            _ok, errors = self.client.bulk(actions, raise_on_error=False, chunk_size=1000, max_retries=2)
            return errors

        errors = self._call(run)
        # A version conflict means a newer version is already there: that is success.
        real = [error for error in errors if next(iter(error.values())).get("status") != 409]
        if real:
            raise EngineUnavailable(f"{self.name}: {len(real)} documents failed, first: {real[0]}")

    def index(self, documents):
        self.ensure_indexes()
        self._bulk(self._action(document, self.write_alias(document.language)) for document in documents)

    def delete(self, source, object_id, version, keep_languages=()):
        self.ensure_indexes()
        actions = [
            {
                "_op_type": "delete",
                "_index": self.write_alias(language),
                "_id": f"{source}:{object_id}",
                "version": version,
                "version_type": "external_gte",
            }
            for language in languages()
            if language not in keep_languages
        ]

        def run():
            _ok, errors = self.client.bulk(actions, raise_on_error=False)
            return errors

        errors = self._call(run)
        real = [e for e in errors if next(iter(e.values())).get("status") not in (404, 409)]
        if real:
            raise EngineUnavailable(f"{self.name}: delete failed: {real[0]}")

    def indexed_versions(self, language):
        versions = {}
        body = {"query": {"match_all": {}}, "_source": ["version"], "size": 1000, "sort": ["_doc"]}
        after = None
        while True:
            if after:
                body["search_after"] = after
            response = self._call(self.client.search, self.alias(language), body)
            hits = response["hits"]["hits"]
            for hit in hits:
                versions[hit["_id"]] = hit["_source"].get("version", 0)
            if len(hits) < body["size"]:
                return versions
            after = hits[-1]["sort"]

    # --- reading --------------------------------------------------------------

    def _indexes_for(self, language):
        names = [self.alias(language)]
        if language != FALLBACK_LANGUAGE:
            names.append(self.alias(FALLBACK_LANGUAGE))
        return ",".join(names)

    def _ask(self, query, expansions, concepts):
        """The engine's response to ``query`` and its "did you mean"; when there is one, the
        response to the query read both ways."""
        indexes = self._indexes_for(query.language)
        body = build_query(query, expansions=expansions, alias=self.alias, concepts=concepts)
        response = self._call(self.client.search, indexes, body)
        suggestion = self._suggestion(response, query)
        if suggestion and EXPAND_CORRECTED:
            body = build_query(
                query, corrected=suggestion, expansions=expansions, alias=self.alias, concepts=concepts
            )
            response = self._call(self.client.search, indexes, body)
        return response, suggestion

    def _narrowed(self, query, expansions, concepts):
        """``_ask``, again without the rewritten queries if the engine refuses it. Each
        glossary term a query names passes through the synonym graph in every field, and
        again in each rewritten query: a question naming several terms can hold more clauses
        than the engine allows (CLAUSE_LIMIT; 2 of 39 pairs of tuned questions asked as one).
        Still refused (1 of 39), it is answered from the database (search/service.py)."""
        try:
            return self._ask(query, expansions, concepts)
        except QueryRefused:
            if not expansions:
                raise
            return self._ask(query, (), concepts)

    def search(self, query):
        # Rewritten from the words as the database engine reads them (search/segment.py
        # ``query_tokens``), so that a Chinese term is named wherever its words meet.
        tokens = segment.query_tokens(query.text, query.language)
        named = glossary.matches(tokens, query.language)
        expansions = glossary.variants(
            tokens,
            query.language,
            limit=EXPANSIONS,
            halves=segment.halves(tokens, query.language, named),
            named=named,
        )
        concepts = [match.alternatives for match in named]
        # The first results are asked for together and ordered again (by_coverage); beyond
        # them the engine's order stands, so each page is a slice of one ordering.
        reordered = query.offset < RERANK_WINDOW
        asked = query
        if reordered:
            asked = replace(query, page=1, per_page=max(RERANK_WINDOW, query.offset + query.per_page))
        response, suggestion = self._narrowed(asked, expansions, concepts)
        raw_hits = response["hits"]["hits"]
        if reordered:
            raw_hits = by_coverage(query, raw_hits)[query.offset : query.offset + query.per_page]
        hits = []
        for raw in raw_hits:
            source = raw["_source"]
            highlight = raw.get("highlight", {})
            fragments = highlight.get("body") or highlight.get("summary")
            hits.append(
                Hit(
                    title=source["title"],
                    url=source["url"],
                    kind=source["kind"],
                    language=source["language"],
                    snippet=extract(fragments[0]) if fragments else mark_snippet(source.get("summary", "")),
                    summary=source.get("summary", ""),
                    topics=source.get("topics", []),
                    updated=source.get("updated"),
                    title_language=source.get("title_language", ""),
                )
            )
        facets = {
            name: [
                (bucket["key"], bucket["doc_count"]) for bucket in response["aggregations"][name]["buckets"]
            ]
            for name in FACETS
        }
        total = response["hits"]["total"]["value"]
        return SearchResults(query, hits, total, facets, suggestion, self.name)

    @staticmethod
    def _suggestion(response, query):
        """The engine's "did you mean", keeping the words the synonym lists and the glossary know."""
        options = response.get("suggest", {}).get("did_you_mean", [{}])[0].get("options", [])
        suggestion = options[0]["text"] if options else ""
        typed, offered = query.text.split(), suggestion.split()
        if len(typed) == len(offered):
            synonyms = index_defs.synonym_words(query.language)
            # Compared as search compares words (the glossary holds ة as ه, ى as ي).
            kept = spelling.never_replaced({token for word in typed for token in words(word)})

            def known(word):
                return word.lower() in synonyms or set(words(word)) <= kept

            offered = [old if known(old) else new for old, new in zip(typed, offered, strict=True)]
            suggestion = " ".join(offered)
        return "" if suggestion.lower() == query.text.lower() else suggestion

    def autocomplete(self, text, language, limit=8):
        body = build_autocomplete(text, language, limit)
        response = self._call(self.client.search, self._indexes_for(language), body)
        return [
            {"title": hit["_source"]["title"], "url": hit["_source"]["url"]}
            for hit in response["hits"]["hits"]
        ]
