"""Against a real OpenSearch node (and Elasticsearch when ELASTICSEARCH_TEST_URL is set)."""

import threading
from dataclasses import replace

import pytest

from core import searchable
from search import pipeline
from search.answer import answer
from search.engines import database_engine
from search.engines.base import SearchQuery, languages
from search.engines.remote import RemoteEngine
from search.index import analysis_settings, index_body
from tests.search.test_database_engine import FORM_QUERIES, LAW_NAMES, PROVINCE_QUERIES, the_law

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def analyze(engine, language, text):
    name = engine.client.indexes_of(engine.alias(language))[0]
    body = {"analyzer": f"search_{language}", "text": text}
    client = engine.client.client
    if engine.name == "elasticsearch":
        response = client.indices.analyze(index=name, **body).body
    else:
        response = client.indices.analyze(index=name, body=body)
    return [token["token"] for token in response["tokens"]]


def search(engine, text, language="en", **kwargs):
    return engine.search(SearchQuery(text=text, language=language, **kwargs))


def english_guide(title, body=""):
    """One English guide written straight to an engine, apart from the demo content."""
    return searchable.SearchDocument(
        source="test.guide",
        object_id="1",
        language="en",
        kind="guide",
        title=title,
        url="/en/zq/",
        body=body,
        version=1,
    )


def test_language_analysis(remote_indexed):
    engine = remote_indexed
    assert "panjang" in analyze(engine, "id", "perpanjangan")  # Indonesian stemmer, not snowball
    assert "arriv" in analyze(engine, "en", "arrivals")
    assert "اقام" in analyze(engine, "ar", "إقامة")  # normalised hamza and taa marbuta, stemmed
    tokens = analyze(engine, "zh-hans", "居留许可")
    assert "居留" in tokens  # CJK bigrams


def test_synonyms_at_search_time(remote_indexed):
    tokens = analyze(remote_indexed, "en", "kitas")
    assert {"ita", "limit", "temporari"} <= set(tokens)  # synonyms, then the English stemmer
    assert search(remote_indexed, "limited stay permit").hits[0].title.lower().count("kitas") >= 1


def test_relevance_typos_and_did_you_mean(remote_indexed):
    results = search(remote_indexed, "pasport lost")
    assert "Passport" in results.hits[0].title  # typo tolerance
    assert search(remote_indexed, "overstey").suggestion == "overstay"  # did you mean
    assert search(remote_indexed, "extortoin").suggestion == "extortion"


def test_a_chinese_sound_alike_typo_is_searched_as_meant(remote_indexed):
    """户照 is 护照 (passport) typed through pinyin with the wrong character: the typo clause
    changes no Chinese character, so the query is searched as meant (search/homophones.py), as
    on the database engine, and the page says so (search/answer.py)."""
    typed = answer(remote_indexed, SearchQuery(text="申请户照", language="zh-hans"))
    meant = search(remote_indexed, "申请护照", language="zh-hans")
    assert [hit.url for hit in typed.hits] == [hit.url for hit in meant.hits]
    assert typed.query.text == typed.suggestion == "申请护照"


def test_highlighted_snippets_are_safe_html(remote_indexed):
    results = search(remote_indexed, "overstay")
    assert "<mark>" in str(results.hits[0].snippet)
    assert "<script" not in str(results.hits[0].snippet)


def test_facets_and_filters(remote_indexed):
    results = search(remote_indexed, "visa")
    kinds = dict(results.facets["kind"])
    assert kinds.get("guide", 0) >= 3
    assert results.facets["topics"]
    only_passports = search(remote_indexed, "visa", topics=("paspor",))
    assert only_passports.total < results.total
    assert all("paspor" in hit.topics for hit in only_passports.hits)


def test_fallback_to_indonesian(remote_indexed):
    results = search(remote_indexed, "kitas", language="ar")
    languages = {hit.language for hit in results.hits}
    assert languages == {"ar", "id"}
    assert not any(hit.url == "/id/izin-tinggal/kitas-kerja/" for hit in results.hits)  # has Arabic


def test_autocomplete(remote_indexed):
    suggestions = remote_indexed.autocomplete("pass", "en")
    assert suggestions and all("pass" in item["title"].lower() for item in suggestions)


def test_versions_older_update_never_wins(remote_indexed, guide):
    document = searchable.sources()["cms.guide"].documents(guide)[1]
    remote_indexed.index([replace(document, title="Newest", version=document.version + 100)])
    remote_indexed.index([replace(document, title="Stale", version=document.version + 50)])
    remote_indexed.refresh()
    assert search(remote_indexed, "Newest").hits[0].title == "Newest"
    assert all(hit.title != "Stale" for hit in search(remote_indexed, "Stale").hits)


def test_rebuild_swaps_aliases_without_an_empty_moment(remote_indexed):
    engine = remote_indexed
    before = engine.client.indexes_of(engine.alias("en"))
    counts = []
    stop = threading.Event()

    def keep_searching():
        while not stop.is_set():
            counts.append(search(engine, "passport").total)

    reader = threading.Thread(target=keep_searching)
    reader.start()
    try:
        engine.rebuild(pipeline.all_documents())
    finally:
        stop.set()
        reader.join()
    after = engine.client.indexes_of(engine.alias("en"))
    assert before != after and len(after) == 1
    assert engine.client.indexes_of(engine.write_alias("en")) == after  # writers moved with readers
    assert counts and min(counts) > 0


def test_sync_on_publish_reaches_the_engine(
    remote_indexed, guide, settings, django_capture_on_commit_callbacks
):
    from search.engines import configured_engine

    settings.SEARCH_URL = f"opensearch+{remote_indexed.url}"
    settings.SEARCH_INDEX_PREFIX = remote_indexed.prefix
    configured_engine.cache_clear()
    try:
        guide.title_en = "Tourist visa zebracorn"
        with django_capture_on_commit_callbacks(execute=True):
            guide.save_revision().publish()
        remote_indexed.refresh()
        found = search(remote_indexed, "zebracorn")
        # The guide; its topic page, whose document lists the titles of its guides; and the
        # regulations it rests on, whose documents name the guides that explain them.
        cited = ["regulation"] * len(guide.based_on())
        assert sorted(hit.kind for hit in found.hits) == sorted(["guide", "topic", *cited])
        with django_capture_on_commit_callbacks(execute=True):
            guide.unpublish()
        remote_indexed.refresh()
        assert search(remote_indexed, "zebracorn").total == 0
    finally:
        configured_engine.cache_clear()


def test_synonyms_reload_without_reindexing(remote_indexed, monkeypatch):
    from search import index

    monkeypatch.setattr(index, "synonym_rules", lambda language: ["zebracorn, passport"])
    assert analysis_settings("en")  # the new rules are in the settings that will be sent
    remote_indexed.reload_synonyms()
    assert search(remote_indexed, "zebracorn").total > 0


def test_check_matches_after_rebuild(remote_indexed):
    remote_indexed.refresh()
    report = pipeline.check(remote_indexed)
    assert all(not any(entry.values()) for entry in report.values())


def test_past_events_rank_below_upcoming_ones(remote):
    """Ranking reads event_start at query time, so an event sinks once it has started."""
    from datetime import UTC, datetime, timedelta

    from core.searchable import SearchDocument

    now = datetime.now(UTC)
    twins = [
        SearchDocument(
            source="test.event",
            object_id=name,
            language="en",
            kind="event",
            title=f"Zebracrossing orientation {name}",
            url=f"/en/{name}/",
            event_start=now + offset,
            updated=now,
            available_languages=["en"],
            version=1,
        )
        for name, offset in (("past", timedelta(days=-30)), ("coming", timedelta(days=30)))
    ]
    remote.rebuild(twins)
    titles = [hit.title for hit in search(remote, "zebracrossing orientation").hits]
    assert titles == ["Zebracrossing orientation coming", "Zebracrossing orientation past"]
    upcoming = search(remote, "zebracrossing", upcoming_only=True)
    assert [hit.title for hit in upcoming.hits] == ["Zebracrossing orientation coming"]


def urls(results, count=3):
    return [hit.url for hit in results.hits[:count]]


def test_chinese_synonyms_keep_the_bigram_graph(remote_indexed):
    """Synonyms run after cjk_bigram: a rule's Chinese words are cut like the query's."""
    tokens = analyze(remote_indexed, "zh-hans", "联合国难民署")
    assert "unhcr" in tokens and "难民" in tokens
    results = search(remote_indexed, "联合国难民署", language="zh-hans")
    assert results.hits[0].url == "/zh-hans/pengungsi/pendaftaran-pengungsi-unhcr/"


def test_arabic_rules_match_without_hamza(remote_indexed):
    """Arabic is normalised before the synonym graph, so a rule matches however hamza is typed."""
    assert "unhcr" in analyze(remote_indexed, "ar", "مفوضيه اللاجئين")
    assert "voa" in analyze(remote_indexed, "ar", "تاشيرة عند الوصول")


def test_acronyms_find_their_long_forms_in_each_language(remote_indexed):
    engine = remote_indexed
    assert "/id/izin-tinggal/izin-masuk-kembali-dan-epo/" in urls(search(engine, "ERP", language="id"))
    assert "/en/izin-tinggal/izin-masuk-kembali-dan-epo/" in urls(search(engine, "re-entry permit"))
    assert "/ar/izin-tinggal/kitas-kerja/" in urls(search(engine, "KITAS", language="ar"), 5)
    assert "/zh-hans/izin-tinggal/kitas-kerja/" in urls(search(engine, "临时居留证", language="zh-hans"), 5)


def test_untranslated_guides_found_through_cross_language_rules(remote_indexed):
    """Chinese and Arabic words reach Indonesian stand-ins through synonyms/id.txt."""
    lost = search(remote_indexed, "护照丢了怎么办", language="zh-hans")
    assert "/id/paspor/paspor-hilang-atau-rusak/" in urls(lost)
    golden = search(remote_indexed, "黄金签证", language="zh-hans")
    assert "/id/visa/golden-visa/" in urls(golden, 3)
    extend = search(remote_indexed, "تمديد الإقامة", language="ar")
    assert "/id/visa/perpanjangan-izin-tinggal-kunjungan/" in [hit.url for hit in extend.hits]


def test_words_count_across_fields_and_one_common_word_is_not_enough(remote_indexed):
    """ "spouse" in the title and "visa" in the body: the family KITAS beats pages titled "visa"."""
    assert search(remote_indexed, "spouse visa").hits[0].url == "/en/izin-tinggal/kitas-keluarga/"


def test_forum_threads_rank_below_official_guides(remote_indexed):
    results = search(remote_indexed, "extend visa on arrival")
    assert results.hits[0].kind == "guide"


def test_arabic_pronoun_suffixes_and_prepositions_are_stemmed(remote_indexed):
    """Snowball after the light stemmer: "my passport", "your passport" and "with a passport" meet."""
    engine = remote_indexed
    assert analyze(engine, "ar", "سفري") == analyze(engine, "ar", "سفرك") == analyze(engine, "ar", "سفر")
    assert analyze(engine, "ar", "بجواز") == analyze(engine, "ar", "جواز")


def test_a_question_ranks_the_page_holding_most_of_its_words_first(remote_indexed):
    """All words but one is a bonus: the guide on extending beats a forum thread with "visa" in its title."""
    results = search(remote_indexed, "how do I extend my visa")
    assert results.hits[0].url == "/en/visa/perpanjangan-izin-tinggal-kunjungan/"


def test_guides_found_by_the_number_of_a_form_they_link(remote_indexed):
    """The passport guide links form Perdim 11 without naming it in its text."""
    results = search(remote_indexed, "Perdim 11", language="id")
    assert "/id/paspor/paspor-baru/" in urls(results)


def test_chinese_typo_in_a_character_pair(remote_indexed):
    """签正 for 签证: one wrong character in a pair is forgiven, so the pages found are mostly
    those found for the word spelt right, not just the one whose title holds 旅游."""
    results = search(remote_indexed, "旅游签正", language="zh-hans")
    assert results.hits[0].url == "/zh-hans/visa/visa-kunjungan/"
    spelt_right = search(remote_indexed, "旅游签证", language="zh-hans")
    assert len(set(urls(results, 5)) & set(urls(spelt_right, 5))) >= 4


def test_partner_organisations_rank_with_guides(remote_indexed):
    assert search(remote_indexed, "legal aid").hits[0].kind == "partner"
    assert "/en/mitra/lbh-contoh-jakarta/" in urls(search(remote_indexed, "legal aid for refugees"), 5)


def test_a_partners_indonesian_name_comes_back_with_its_language(remote_indexed):
    """The engine returns the title's language stored with the document (search.html marks it)."""
    hits = search(remote_indexed, "LBH Contoh Jakarta", language="ar").hits
    partner = next(hit for hit in hits if hit.kind == "partner" and "/mitra/lbh-contoh-jakarta/" in hit.url)
    assert partner.title_lang == "id"


def test_forms_found_by_the_titles_of_the_guides_linking_them(remote_indexed):
    """The KITAS form never says "work"; the guide on the work KITAS that links it does."""
    results = search(remote_indexed, "工作KITAS", language="zh-hans")
    assert any("permohonan-kitas" in url for url in urls(results, 5))


def test_chinese_exact_bonus_counts_character_pairs_not_single_characters(remote_indexed):
    """A page sharing only the character 签 with 家属签证 gets no "as typed" bonus: the family
    KITAS (家庭, 配偶: family words of the synonym lists) leads the pages written in Chinese."""
    family = search(remote_indexed, "家属签证", language="zh-hans")
    chinese = [hit.url for hit in family.hits if hit.url.startswith("/zh-hans/")]
    assert chinese[0] == "/zh-hans/izin-tinggal/kitas-keluarga/"
    arrival = search(remote_indexed, "落地签", language="zh-hans")
    assert arrival.hits[0].url == "/zh-hans/visa/visa-on-arrival/"


def test_topic_pages_found_by_the_guides_they_list(remote_indexed):
    results = search(remote_indexed, "bebas visa ASEAN", language="id")
    assert "/id/visa/" in urls(results, 10)


def test_did_you_mean_corrects_only_words_no_page_holds(remote_indexed):
    """Words from any text (not only titles) and words of the synonym lists are never "corrected"."""
    engine = remote_indexed
    assert search(engine, "legal aid for refugees").suggestion == ""
    assert search(engine, "bribe immigration officer").suggestion == ""  # known through synonyms
    assert search(engine, "golden vissa").suggestion == "golden visa"
    assert search(engine, "kitass kerja", language="id").suggestion == "kitas kerja"
    # a question word as chats spell it ("kalo", if) is no typo of a title's word ("kali")
    assert search(engine, "kalo overstay visa bakal diapain", language="id").suggestion == ""


def test_a_misspelt_word_also_searched_as_corrected(remote_indexed):
    """ "kitass" is in no page: the corrected "kitas" finds the KITAS form too, not only fuzzy matches."""
    results = search(remote_indexed, "kitass kerja", language="id")
    assert results.hits[0].url == "/id/izin-tinggal/kitas-kerja/"
    assert any("permohonan-kitas" in url for url in urls(results, 5))
    assert results.suggestion == "kitas kerja"  # still offered, as the search page shows


def test_partners_found_through_the_guides_that_link_them(remote_indexed):
    """The learning centre's own text says "refugee children"; the guide linking it adds "school"."""
    results = search(remote_indexed, "refugee children school")
    assert "/en/mitra/rumah-belajar-pelita-cisarua/" in urls(results, 5)


@pytest.mark.parametrize(
    ("typed", "language", "topic"),
    [
        ("visa", "id", "/id/visa/"),
        ("visas", "en", "/en/visa/"),
        ("签证", "zh-hans", "/zh-hans/visa/"),
        # Named after "stay permits": its acronyms in brackets are other names, not more words.
        ("stay permits", "en", "/en/izin-tinggal/"),
    ],
)
def test_the_topic_named_by_the_query_is_among_the_first(remote_indexed, typed, language, topic):
    """As on the database engine: the page named after what was asked (``named_after``)."""
    assert topic in [hit.url for hit in search(remote_indexed, typed, language).hits[:3]]


def test_an_office_found_by_its_indonesian_name_on_the_arabic_site(remote_indexed):
    urls = [hit.url for hit in search(remote_indexed, "kantor imigrasi Jakarta", "ar").hits[:5]]
    assert "/ar/kantor/kantor-imigrasi-jakarta-pusat/" in urls


@pytest.mark.parametrize("typed, language", FORM_QUERIES)
def test_a_query_naming_a_form_lists_forms_first(remote_indexed, typed, language):
    assert search(remote_indexed, typed, language).hits[0].kind == "form"


@pytest.mark.parametrize(("typed", "language"), PROVINCE_QUERIES)
def test_an_office_is_found_by_the_province_it_serves(remote_indexed, typed, language):
    """As on the database engine: the office named after Denpasar answers to Bali, its
    province, in every language (SearchDocument.names)."""
    results = search(remote_indexed, typed, language=language)
    assert results.hits[0].url == f"/{language}/kantor/kantor-imigrasi-denpasar/"


@pytest.mark.parametrize(("typed", "language"), LAW_NAMES)
def test_the_immigration_law_is_found_by_the_names_readers_give_it(remote_indexed, typed, language):
    assert search(remote_indexed, typed, language=language).hits[0].url in the_law(language)


@pytest.mark.parametrize("typed", ["绿卡", "永居"])
def test_a_chinese_name_of_a_concept_reaches_the_untranslated_page_about_it(remote_indexed, typed):
    """Green card and 永居 name permanent stay, whose guide is in Indonesian only. The query
    rewritten with the Chinese term 永久居留许可 counted its five character pairs as five
    words, so the Chinese pages merely holding that term came first; it counts as one word."""
    results = search(remote_indexed, typed, language="zh-hans")
    assert "/id/izin-tinggal/izin-tinggal-tetap/" in urls(results, 3)


def test_a_bulk_write_waits_longer_than_a_reader(remote):
    """A loaded node takes seconds to write 1,000 documents: with the readers' timeout a
    rebuild failed (CI, a busy two-core machine). Here the readers' timeout is a millisecond;
    the write still lands."""
    remote.ensure_indexes()
    hurried = RemoteEngine(remote.name, remote.url, timeout=0.001, prefix=remote.prefix)
    document = english_guide("Zqwrite")
    hurried._bulk([hurried._action(document, remote.write_alias("en"))])
    remote.refresh()
    assert search(remote, "zqwrite").total == 1


def test_creating_an_index_waits_longer_than_a_reader(remote):
    """Creating an index with its analysis took a loaded node more than the readers' 2 s (CI,
    two cores, both halves of the suite at once). Here the readers' timeout is a millisecond;
    the index is still created, with its aliases, and removed."""
    hurried = RemoteEngine(remote.name, remote.url, timeout=0.001, prefix=remote.prefix)
    name = hurried.new_index_name("en")
    hurried._create(name, "en")
    hurried._call(hurried.client.update_aliases, hurried._point_aliases("en", name))
    assert remote._call(remote.client.indexes_of, remote.alias("en")) == [name]
    hurried._call(hurried.client.delete_index, name)
    assert remote._call(remote.client.indexes_of, remote.alias("en")) == []


@pytest.mark.parametrize("typed", ["gimana cara perpanjang visa gue", "bagaimana caranya memperpanjang visa"])
def test_cara_asks_how_and_tells_no_topic(remote_indexed, typed):
    """ "cara" ("way", in "gimana cara": how do I) is a question word: counted as a word of the
    query, it put the webinar "cara mengajukan e-Visa" (how to apply) before the extension guide."""
    results = search(remote_indexed, typed, language="id")
    assert results.hits[0].url == "/id/visa/perpanjangan-izin-tinggal-kunjungan/"


def test_a_question_naming_many_terms_is_asked_without_its_rewritings(remote_indexed):
    """Each glossary term a query names multiplies the clauses of its request through the
    synonym graph and the rewritten queries: this question went past the engine's limit
    (maxClauseCount, 1,024 on OpenSearch 2) and was refused. Asked without its rewritten
    queries, the engine answers it."""
    results = search(remote_indexed, "nyogok petugas imigrasi paspor ilang harus ngapain", language="id")
    assert results.hits and results.engine == remote_indexed.name


def test_a_query_the_engine_refuses_does_not_take_it_out_of_service(remote_indexed, monkeypatch):
    """A question the engine refuses even without its rewritings is answered from the
    database this once; before, the refusal marked the engine down and every reader got
    database results for ENGINE_RETRY_SECONDS."""
    from search import service

    monkeypatch.setattr(service, "configured_engine", lambda: remote_indexed)
    service.reset()
    typed = "hak orang asing yang ditahan visa udah mau abis, kapan harus ngajuin perpanjangan"
    results, degraded = service.run("search", SearchQuery(text=typed, language="id"))
    assert results.hits and degraded
    assert service._remote_allowed()
    results, degraded = service.run("search", SearchQuery(text="KITAS", language="id"))
    assert not degraded and results.engine == remote_indexed.name


LONG_SENTENCE = (
    "Every foreign resident who lives in Indonesia for longer than the period allowed by the visa "
    "that was first granted at the border must, before that period ends and without exception, go "
    "to the immigration office that covers the place where they live and ask for the zqfrag "
    "extension in person together with a sponsor letter, a copy of the passport and proof of "
    "address, which the officer checks before the fee is paid at a bank"
)


@pytest.mark.parametrize(
    ("body", "starts_cut", "ends_cut"),
    [
        (LONG_SENTENCE + ". Short one.", True, True),
        ("Ask for the zqfrag extension in person. Short one.", False, False),
        # a short fragment in lower case: the highlighter began it mid-sentence
        ("When you stay longer you must ask for the zqfrag extension in person.", None, False),
    ],
)
def test_an_extract_cut_from_a_longer_sentence_says_so(remote, body, starts_cut, ends_cut):
    """The engine cuts a long sentence around the words found: the extract began and ended
    mid-sentence ("period allowed by the visa … ask for the zqfrag") with nothing to say so,
    where the database engine's extracts carry "…"."""
    remote.ensure_indexes()
    document = english_guide("T", body=body)
    remote.index([document])
    remote.refresh()
    [hit] = search(remote, "zqfrag").hits
    snippet = str(hit.snippet)
    if starts_cut is not None:
        assert snippet.startswith("… ") == starts_cut, snippet
    assert not snippet.startswith(("… ,", ","))
    assert snippet.endswith(" …") == ends_cut, snippet


def test_an_index_built_before_a_field_was_added_takes_new_documents(remote):
    """Autocomplete's ``suggest_words`` and ``suggest_length`` came after indexes already in
    service: with their strict mapping every document written after the upgrade was refused
    until a rebuild. The fields are added to the index in service instead."""
    added = ("suggest_words", "suggest_length")
    for language in languages():
        body = index_body(language)
        for field in added:
            del body["mappings"]["properties"][field]
        name = remote.new_index_name(language)
        remote.client.create_index(name, body)
        remote.client.update_aliases(remote._point_aliases(language, name))
    document = english_guide("Zqmapping")
    remote.index([document])
    remote.refresh()
    assert search(remote, "zqmapping").total == 1
    assert remote.autocomplete("zqmap", "en") == [{"title": "Zqmapping", "url": "/en/zq/"}]


def test_the_page_holding_more_of_the_question_comes_first(remote):
    """A page holding two words of the question in its title came before the page holding all
    three of them, one in its title: the title weighs four times the body. The first results are
    ordered again by the share of the question each holds (search/coverage.py), read from the
    database engine's index, as the database engine ranks them."""
    filler = " ".join(f"zqfill{number}" for number in range(40))
    titled = replace(english_guide("Zqalpha zqbeta", body=filler), object_id="2", url="/en/zqa/")
    holding_all = english_guide("Zqalpha", body=f"{filler} zqbeta {filler} zqgamma")
    remote.ensure_indexes()
    for engine in (remote, database_engine()):
        engine.index([titled, holding_all])
    remote.refresh()
    results = search(remote, "zqalpha zqbeta zqgamma")
    assert [hit.url for hit in results.hits] == ["/en/zq/", "/en/zqa/"]
    second_page = search(remote, "zqalpha zqbeta zqgamma", per_page=1, page=2)
    assert [hit.url for hit in second_page.hits] == ["/en/zqa/"]  # pages slice the same order
