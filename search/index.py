"""Index definitions, one index per language, written with elasticsearch-dsl.

Each language gets analysers for its own script and morphology. Synonyms are
applied only at search time (``synonym_graph`` in the search analyser), so the
lists in ``search/synonyms/<lang>.txt`` can change without reindexing: the index
is closed, its settings updated and opened again (``search_index synonyms``).

The definitions are plain dictionaries produced by elasticsearch-dsl, so the same
body is sent to Elasticsearch (``elasticsearch`` client) and OpenSearch
(``opensearch-py``).
"""

import re
from pathlib import Path

from django.conf import settings
from elasticsearch_dsl import (
    Date,
    Float,
    Index,
    Keyword,
    Long,
    Mapping,
    SearchAsYouType,
    Short,
    Text,
    analyzer,
    char_filter,
    normalizer,
    token_filter,
)

SYNONYMS_DIR = Path(__file__).resolve().parent / "synonyms"

html_strip = char_filter("html_strip_filter", "html_strip")
lowercase_normalizer = normalizer("lowercase_normalizer", filter=["lowercase", "asciifolding"])


def synonym_rules(language):
    """The synonym rules for a language, without comments and blank lines."""
    path = SYNONYMS_DIR / f"{language}.txt"
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def synonym_words(language):
    """Every word of a language's synonym rules, lower-cased: words readers use, never misspellings."""
    return {word for rule in synonym_rules(language) for word in re.findall(r"[\w-]+", rule.lower())}


# Lucene's Arabic stop list holds "على", "حتى" and "لدى" only with alif maqsura; after
# normalisation (which the search side needs before synonyms) they end in yaa.
arabic_stop = token_filter("arabic_stop", "stop", stopwords="_arabic_")
arabic_stop_normalised = token_filter("arabic_stop_normalised", "stop", stopwords=["علي", "حتي", "لدي"])
arabic_stemmer = token_filter("arabic_stemmer", "stemmer", language="arabic")
# Lucene's light stemmer leaves pronoun suffixes and the preposition "bi-": "سفرك" (your
# passport) and "سفري" (my passport) stay apart, as do "بجواز" and "جواز". Snowball's Arabic
# stemmer, run after it, removes them; it changes only Arabic letters.
arabic_snowball = token_filter("arabic_snowball", "snowball", language="Arabic")


def language_filters(language, icu=False):
    """(tokenizer, filters before synonyms, filters after synonyms) for a language's text.

    The index analyser runs both lists; the search analyser puts the synonym graph
    between them. What comes before synonyms must never drop a token (no stop
    words), or multi-word rules could not be parsed; it normalises spelling so
    that a rule matches however the reader typed it (case, hamza, full-width).
    """
    if language == "id":
        # Arabic normalisation and stemming touch only Arabic letters: they let the
        # Arabic words in the cross-language rules (see synonyms/id.txt) match
        # whatever form an Arabic reader typed when an untranslated guide is searched.
        return (
            "standard",
            ["lowercase", "decimal_digit", "arabic_normalization", arabic_stemmer, arabic_snowball],
            [
                token_filter("indonesian_stop", "stop", stopwords="_indonesian_"),
                token_filter("indonesian_stemmer", "stemmer", language="indonesian"),
            ],
        )
    if language == "en":
        return (
            "standard",
            [token_filter("english_possessive", "stemmer", language="possessive_english"), "lowercase"],
            [
                token_filter("english_stop", "stop", stopwords="_english_"),
                token_filter("english_stemmer", "stemmer", language="english"),
            ],
        )
    if language == "ar":
        return (
            "standard",
            ["lowercase", "decimal_digit", "arabic_normalization"],
            [arabic_stop, arabic_stop_normalised, arabic_stemmer, arabic_snowball],
        )
    if language == "zh-hans":
        if icu:
            return "icu_tokenizer", ["cjk_width", "lowercase"], []
        # Bigrams before synonyms: a rule's Chinese words are cut into the same
        # bigrams as the query, so the graph stays whole.
        return "standard", ["cjk_width", "lowercase", "cjk_bigram"], []
    raise ValueError(f"no analysis defined for language {language!r}")


def analyzers(language, icu=False):
    """(index analyser, search analyser): the search one adds the synonym graph."""
    tokenizer_name, before, after = language_filters(language, icu)
    index_analyzer = analyzer(
        f"text_{language}", tokenizer=tokenizer_name, filter=before + after, char_filter=[html_strip]
    )
    synonyms = token_filter(
        f"synonyms_{language}", "synonym_graph", synonyms=synonym_rules(language) or ["sinergi, sinergi"]
    )
    search_analyzer = analyzer(
        f"search_{language}", tokenizer=tokenizer_name, filter=[*before, synonyms, *after]
    )
    return index_analyzer, search_analyzer


exact_analyzer = analyzer("exact", tokenizer="standard", filter=["lowercase", "asciifolding"])
# Chinese "as typed" is its character pairs: single characters (what the standard
# tokenizer gives) would reward any page sharing one common character such as 签.
exact_cjk_analyzer = analyzer(
    "exact_cjk", tokenizer="standard", filter=["cjk_width", "lowercase", "asciifolding", "cjk_bigram"]
)
autocomplete_analyzer = analyzer(
    "autocomplete_text", tokenizer="standard", filter=["lowercase", "asciifolding"]
)


def text_field(language, icu=False, **extra):
    index_analyzer, search_analyzer = analyzers(language, icu)
    return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, **extra)


def mapping(language, icu=False):
    m = Mapping()
    m.meta("dynamic", "strict")
    exact = Text(analyzer=exact_cjk_analyzer if language == "zh-hans" and not icu else exact_analyzer)
    keyword = Keyword(normalizer=lowercase_normalizer, ignore_above=256)
    m.field("source", Keyword())
    m.field("object_id", Keyword())
    m.field("language", Keyword())
    m.field("available_languages", Keyword())
    m.field("kind", Keyword())
    m.field("title_language", Keyword(index=False))
    spell = {"copy_to": "spell"}
    m.field("title", text_field(language, icu, fields={"exact": exact, "keyword": keyword}, **spell))
    # The highlighted fields keep their words' places in the text with the index, so a
    # result's extract is cut from them instead of analysing its text again at every search.
    offsets = {"index_options": "offsets", **spell}
    m.field("summary", text_field(language, icu, fields={"exact": exact}, **offsets))
    m.field("body", text_field(language, icu, fields={"exact": exact}, **offsets))
    # Every word of title, summary and body as written: what "did you mean" corrects
    # towards, and what tells a misspelling (in no page) from a rare word (in one).
    m.field("spell", Text(analyzer=exact_analyzer))
    # Words of the title beyond function words (search.text.title_length): a title holding
    # every word of a query no longer than it is named after what was asked.
    m.field("title_length", Short())
    m.field("topics", Keyword())
    m.field("topic_titles", text_field(language, icu))
    m.field("related", text_field(language, icu, fields={"exact": exact}))
    # Other names are matched only as typed (search/engines/remote.py EXACT_FIELDS).
    m.field("names", exact)
    # Places, each whole as search.text.phrase writes it: "bali", not the "bali" of
    # "balikpapan" (search/engines/remote.py build_query, WHOLE_NAME_WEIGHT).
    m.field("places", Keyword())
    m.field("audience", Keyword())
    m.field("url", Keyword(index=False))
    m.field("published", Date())
    m.field("updated", Date())
    m.field("event_start", Date())
    m.field("status", Keyword())
    m.field("boost", Float())
    m.field("version", Long())
    m.field("suggest", SearchAsYouType(analyzer=autocomplete_analyzer))
    # The title as autocomplete compares it (search/suggest.py: normalised, Chinese in jieba's
    # words), for where the typed text starts: a word (the words' first letters are indexed,
    # so a prefix is one term however many words begin with it) or the title (``start``).
    suggest_prefixes = {"min_chars": 1, "max_chars": 10}
    m.field(
        "suggest_words",
        Text(analyzer="whitespace", index_prefixes=suggest_prefixes, fields={"start": Keyword()}),
    )
    # The title's length in characters: the shorter first among suggestions equal otherwise.
    m.field("suggest_length", Short())
    return m


def index_prefix():
    return getattr(settings, "SEARCH_INDEX_PREFIX", "sinergi")


def alias_name(language):
    """The alias readers and writers use; it points at the current physical index."""
    return f"{index_prefix()}-{language}"


def index_body(language, icu=False, shards=1, replicas=0):
    """Settings and mappings of one language's index, as a request body."""
    index = Index("unused")
    index.settings(
        number_of_shards=shards,
        number_of_replicas=replicas,
        max_ngram_diff=3,
    )
    index.mapping(mapping(language, icu))
    return index.to_dict()


def analysis_settings(language, icu=False):
    """Only the analysis part, for updating synonyms on a closed index."""
    return index_body(language, icu)["settings"]["analysis"]
