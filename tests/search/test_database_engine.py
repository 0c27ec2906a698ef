"""The embedded database engine and the search page on it (the default set-up)."""

import os
import re

import pytest
from django.utils import timezone, translation

from search.answer import answer
from search.engines import database_engine
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine, concepts
from search.models import SearchEntry
from search.text import pairs_between, words
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def search(text, language="en", **kwargs):
    return database_engine().search(SearchQuery(text=text, language=language, **kwargs))


def test_finds_guides_in_the_readers_language(indexed):
    results = search("passport")
    assert results.total >= 3
    assert all(hit.language == "en" for hit in results.hits)
    assert "Passport" in results.hits[0].title


def test_falls_back_to_indonesian_for_untranslated(indexed, english_only_guide):
    with translation.override("id"):
        word = english_only_guide.title.split()[0]
    results = search(word, language="ar")
    assert any(hit.language == "id" and hit.url.startswith("/id/") for hit in results.hits)
    # a guide translated into Arabic is never shown in its Indonesian version to Arabic readers
    assert not any(hit.language == "id" and hit.url == "/id/visa/visa-kunjungan/" for hit in results.hits)


@pytest.mark.parametrize(
    "typed, language, meant, expected",
    [
        ("pengungsi unhrc", "id", "pengungsi unhcr", "/id/pengungsi/pendaftaran-pengungsi-unhcr/"),
        ("overstey fine", "en", "overstay fine", "/en/hak-dan-kewajiban/denda-overstay/"),
        ("申请户照", "zh-hans", "申请护照", "/zh-hans/paspor/paspor-baru/"),  # 户 sounds as 护
    ],
)
def test_a_typo_no_page_holds_is_searched_as_meant(indexed, typed, language, meant, expected):
    """The database engine has no fuzzy matching: a misspelt word (of a page's word or a
    glossary term) found nothing and the rest of the query ranked alone, where the remote
    engines' typo clause finds it. The correction's results are shown, and said to be."""
    results = answer(database_engine(), SearchQuery(text=typed, language=language))
    assert results.hits[0].url == expected
    assert [hit.url for hit in results.hits] == [hit.url for hit in search(meant, language).hits]
    assert results.suggestion == meant


def test_snippets_mark_matches_and_escape_text(indexed):
    results = search("KITAS")
    assert "<mark>" in str(results.hits[0].snippet)
    from search.engines.database import snippet

    assert str(snippet("<script>alert(1)</script> kitas", ["kitas"])) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>kitas</mark>"
    )


def test_facets_and_filters(indexed):
    results = search("visa")
    kinds = dict(results.facets["kind"])
    assert kinds["guide"] >= 3
    filtered = search("visa", topics=("paspor",))
    assert filtered.total < results.total
    assert dict(filtered.facets["kind"]) == kinds  # facets count the whole query


def test_did_you_mean(indexed):
    """The suggestion is search/answer.py's, the same for every engine (tests/search/test_answer.py)."""
    results = answer(database_engine(), SearchQuery(text="pasprt", language="en"))
    assert results.suggestion == "passport" and "Passport" in results.hits[0].title
    assert answer(database_engine(), SearchQuery(text="kitass", language="en")).suggestion == "kitas"
    assert answer(database_engine(), SearchQuery(text="passport", language="en")).suggestion == ""


def test_pagination(indexed):
    first = search("visa", per_page=2)
    second = search("visa", per_page=2, page=2)
    assert first.pages >= 2
    assert {hit.url for hit in first.hits}.isdisjoint(hit.url for hit in second.hits)


def test_autocomplete(indexed):
    suggestions = database_engine().autocomplete("pass", "en")
    assert suggestions and all("pass" in item["title"].lower() for item in suggestions)


def test_newer_version_is_never_overwritten(indexed, guide):
    from core import searchable

    document = searchable.sources()["cms.guide"].documents(guide)[1]
    engine = database_engine()
    from dataclasses import replace

    engine.index([replace(document, title="Newer", version=document.version + 10)])
    engine.index([replace(document, title="Older", version=document.version + 5)])
    from search.models import SearchEntry

    assert (
        SearchEntry.objects.get(source="cms.guide", object_id=str(guide.pk), language="en").title == "Newer"
    )


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "*",
        "(",
        "title:(kitas OR",
        "🙂🛂",
        "جواز",
        "'; DROP TABLE search_searchentry; --",
        "x" * 5000,
        "%",
        "_",
    ],
)
def test_odd_queries_give_a_normal_page(client, indexed, text):
    response = client.get("/en/search/", {"q": text})
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()


def test_search_page_shows_results_facets_and_highlights(client, indexed):
    response = client.get("/en/search/", {"q": "passport"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<mark>" in content
    assert 'class="facets"' in content
    assert "Guides" in content  # kind facet label
    assert "Passports" in content  # topic facet label from cms


def test_search_page_in_arabic_is_rtl_and_translated(client, indexed):
    content = client.get("/ar/search/", {"q": "جواز"}).content.decode()
    assert 'dir="rtl"' in content
    assert "Filter results" not in content  # labels come from the Arabic catalogue
    assert not re.search(r'role="status">\d+ results?<', content)


def test_page_out_of_range_gives_last_page(client, indexed):
    response = client.get("/en/search/", {"q": "visa", "page": "9999"})
    assert response.status_code == 200
    assert "Next page" not in response.content.decode()
    assert client.get("/en/search/", {"q": "visa", "page": "abc"}).status_code == 200


def test_facet_filter_links_work_without_javascript(client, indexed):
    content = client.get("/en/search/", {"q": "visa"}).content.decode()
    assert "?q=visa&amp;topic=visa" in content or "topic=visa" in content


def test_zero_results_help(client, indexed):
    content = client.get("/en/search/", {"q": "qwxzv"}).content.decode()
    assert "No results" in content
    assert "Browse the guides by topic" in content


def test_suggest_endpoint(client, indexed):
    data = client.get("/en/search/suggest/", {"q": "pass"}).json()
    assert data["suggestions"] and all("pass" in item["title"].lower() for item in data["suggestions"])
    assert any(item["url"].startswith("/en/") for item in data["suggestions"])
    assert client.get("/en/search/suggest/", {"q": ""}).json()["suggestions"] == []


def test_header_search_box_on_every_page(client, guide):
    content = client.get(url_in(guide, "en")).content.decode()
    assert 'role="search"' in content and 'action="/en/search/"' in content


def test_guides_found_by_the_forms_they_link(indexed):
    results = search("Perdim", language="id")
    assert "/id/paspor/paspor-baru/" in [hit.url for hit in results.hits]


def test_a_question_finds_pages_holding_most_of_its_words_and_the_rare_ones(indexed):
    """No page holds "how", "do", "extend" and "my" together: the pages with the most words,
    weighted by how rare each is, come first, not everything with an "i" in it."""
    results = search("how do I extend my visa")
    # The guide, or first the forum question asking just that, with the guide next.
    assert "/en/visa/perpanjangan-izin-tinggal-kunjungan/" in [hit.url for hit in results.hits[:2]]
    assert all(re.search("visa|extend", hit.title, re.I) for hit in results.hits[:3])


def test_question_words_are_left_out_of_the_concepts():
    """As the remote engines' stop lists do: the words that matter are the rare ones."""
    from search.engines.database import concepts

    assert [options[0] for options in concepts("how do I extend my visa", "en")] == ["extend", "visa"]
    # 护照丢了, "passport lost", is a glossary term of its own (the lost-passport concept)
    assert [options[0] for options in concepts("护照丢了怎么办", "zh-hans")][:1] == ["护照 照丢 丢了"]
    assert "怎么" not in [option for options in concepts("护照丢了怎么办", "zh-hans") for option in options]
    assert concepts("how", "en") == [["how"]]  # nothing else left: the word stays


def test_synonym_lists_serve_the_database_engine_too(indexed):
    """ "TPPO" is in no page, "perdagangan orang" is; 黄金签证 reaches the untranslated golden
    visa guide through the cross-language rules of synonyms/id.txt."""
    assert search("TPPO", language="id").hits[0].url == "/id/pelaporan/lapor-perdagangan-orang/"
    assert search("黄金签证", language="zh-hans").hits[0].url == "/id/visa/golden-visa/"


def test_synonym_groups_follow_edits_of_the_lists(tmp_path, monkeypatch):
    from search import index
    from search.engines.database import concepts

    (tmp_path / "en.txt").write_text("zebracorn, unicorn\n", encoding="utf-8")
    (tmp_path / "id.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(index, "SYNONYMS_DIR", tmp_path)
    # no glossary term; "hours" also as its stem
    assert concepts("zebracorn hours", "en") == [["zebracorn", "unicorn"], ["hours", "hour"]]
    (tmp_path / "en.txt").write_text("zebracorn, pegasus\n", encoding="utf-8")
    os.utime(tmp_path / "en.txt", ns=(1, 10**18))  # a later edit, whatever the clock's resolution
    assert concepts("zebracorn", "en") == [["zebracorn", "pegasus"]]


@pytest.mark.parametrize(
    ("typed", "language"),
    [("باللجوء", "ar"), ("extensions", "en")],
)
def test_a_word_reaches_its_other_forms_through_its_stem(indexed, typed, language):
    """No page holds "باللجوء" ("with asylum": prefixes bi- and al-) or "extensions" as typed;
    their stems (search/text.py ``stem``) find the pages about asylum and extending a stay."""
    results = search(typed, language=language)
    assert results.total > 0
    assert any("pengungsi" in hit.url or "perpanjangan" in hit.url for hit in results.hits[:3])


def test_alternatives_holding_another_are_not_looked_up_twice(indexed):
    """A text holding "kartu izin tinggal terbatas" holds "izin tinggal terbatas": the longer is
    left out (same matches, same ranking, fewer strings for the full-text index)."""
    from search.engines.database import concepts

    (options,) = concepts("kitas", "en")
    assert options[0] == "kitas"
    assert "izin tinggal terbatas" in options and "kartu izin tinggal terbatas" not in options
    assert not any(other in option for option in options[1:] for other in options if other != option)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "between"),
    [("家属签证", "属签"), ("签证逾期罚款", "证逾"), ("签证逾期罚款", "期罚"), ("护照申请表", "照申")],
)
def test_a_chinese_pair_between_two_known_words_is_not_looked_for(typed, between):
    """Chinese is cut into overlapping pairs: between 家属 (family) and 签证 (visa), found in the
    glossary or the synonym lists, 属签 is half of each, and is found on unrelated pages."""
    meant = concepts(typed, "zh-hans")
    assert not any(between in options for options in meant)
    assert any("签证" in options or "护照" in options for options in meant)


def test_pairs_between_known_words_leaves_unknown_runs_alone():
    tokens = words("护照丢了")
    assert pairs_between(tokens, [(0, 1)]) == set()  # 照丢: only one side is a known word
    assert pairs_between(words("家属签证"), [(0, 1), (2, 3)]) == {1}


@pytest.mark.django_db
def test_a_glossary_term_that_is_also_a_synonym_phrase_counts_once():
    """ "تاشيرة سياحية" (tourist visa) is a glossary term and a phrase of the synonym lists,
    whose equivalents the glossary already brings: one concept, not the same one twice
    (which made it outweigh the other words of a query)."""
    meant = concepts("تاشيرة سياحية", "ar")
    assert len(meant) == 1 and "visa kunjungan" in meant[0]


def test_an_office_found_by_its_indonesian_name_on_the_arabic_site(indexed):
    """The Arabic office pages write Jakarta in Arabic letters; their Indonesian name is among
    the names they answer to."""
    urls = [hit.url for hit in search("kantor imigrasi Jakarta", language="ar").hits[:5]]
    assert "/ar/kantor/kantor-imigrasi-jakarta-pusat/" in urls


# An office named after its city asked for by its province, on both engines (test_engine.py).
PROVINCE_QUERIES = [
    ("kantor imigrasi bali", "id"),
    ("immigration office Bali", "en"),
    ("مكتب الهجرة في بالي", "ar"),
    ("kantor imigrasi bali", "ar"),
    ("Bali 移民局", "zh-hans"),
    # Chinese writes "island" after the name (巴厘岛); the province's label is 巴厘, also the
    # first letters of Balikpapan's name (巴厘巴板).
    ("巴厘岛移民局", "zh-hans"),
]


@pytest.mark.parametrize(("typed", "language"), PROVINCE_QUERIES)
def test_an_office_is_found_by_the_province_it_serves(indexed, typed, language):
    """Offices are named after their city (Denpasar); readers name the island or province
    (Bali), whose letters are also in another office's city (Balikpapan, باليكبابان, 巴厘巴板):
    the office whose place is named whole comes first (SearchDocument.places)."""
    assert search(typed, language=language).hits[0].url == f"/{language}/kantor/kantor-imigrasi-denpasar/"


# The Immigration Law by the names readers give it (the glossary's "uu-keimigrasian"), none of
# them the words of its title in their language ("关于移民事务的2011年第6号法律"), on both
# engines (tests/search/test_engine.py too).
LAW_NAMES = [
    ("移民法", "zh-hans"),
    ("印尼移民法", "zh-hans"),
    ("قوانين الهجرة", "ar"),
    ("immigration act", "en"),
    ("hukum imigrasi", "id"),
]


def the_law(language):
    """The law and its latest amendment (untranslated: its Indonesian page stands in)."""
    return {
        f"/{language}/peraturan/uu-6-2011/",
        f"/{language}/peraturan/uu-63-2024/",
        "/id/peraturan/uu-63-2024/",
    }


@pytest.mark.parametrize(("typed", "language"), LAW_NAMES)
def test_the_immigration_law_is_found_by_the_names_readers_give_it(indexed, typed, language):
    assert search(typed, language=language).hits[0].url in the_law(language)


@pytest.mark.parametrize(
    ("typed", "guide"),
    [
        ("كيتاس", "/ar/izin-tinggal/kitas-"),
        ("الكيتاس للعمل", "/ar/izin-tinggal/kitas-kerja/"),
        ("كيتاب", "/izin-tinggal/izin-tinggal-tetap/"),
    ],
)
def test_a_permit_named_in_arabic_letters_finds_its_guides(indexed, typed, guide):
    """Arabic readers write KITAS and KITAP as they sound (كيتاس, كيتاب): no page does."""
    assert guide in search(typed, language="ar").hits[0].url


@pytest.mark.parametrize(
    ("typed", "language", "topic"),
    [("visa", "id", "/id/visa/"), ("visas", "en", "/en/visa/"), ("签证", "zh-hans", "/zh-hans/visa/")],
)
def test_the_topic_named_by_the_query_is_among_the_first(indexed, typed, language, topic):
    """A reader typing only a topic's name wants the topic page, which lists every guide of it,
    not the long regulation that names it most often (``title_fit``)."""
    assert topic in [hit.url for hit in search(typed, language=language).hits[:3]]


def test_function_words_of_a_spoken_question_are_left_out():
    """Rare in the pages' prose, "and", "won't" and "it" would outweigh the words that matter."""
    from search.engines.database import concepts

    typed = [options[0] for options in concepts("my employer took my passport and won't give it back", "en")]
    assert not {"and", "won", "t", "it", "my"} & set(typed)
    assert {"employer", "passport"} <= set(typed)
    typed = [options[0] for options in concepts("majikan saya menahan paspor dan tidak mau", "id")]
    # "majikan menahan paspor" is a glossary term: its words also count one by one.
    assert set(" ".join(typed).split()) == {"majikan", "menahan", "paspor"}


# Queries naming a form, on both engines (tests/search/test_engine.py too).
FORM_QUERIES = [
    ("visa application form", "en"),
    ("استمارة طلب التأشيرة", "ar"),
    ("护照申请表", "zh-hans"),
    ("formulir paspor", "id"),
]


@pytest.mark.parametrize("typed, language", FORM_QUERIES)
def test_a_query_naming_a_form_lists_forms_first(indexed, typed, language):
    """The guide about visas holds "visa" and "application" more often than the form does;
    a reader who typed "form" wants the form."""
    assert search(typed, language).hits[0].kind == "form"


def test_a_word_whole_in_a_title_weighs_more_than_inside_a_longer_word():
    """Words are matched inside longer ones (Arabic joins articles and pronouns, Indonesian
    suffixes): "visa" is in "visanya" (its visa), and in a longer name too, yet a title
    holding the word itself is the better match."""

    def entry(title):
        return SearchEntry(kind="guide", title_words=title, summary_words="", search_text=title, boost=1.0)

    asked = [["visa"], ["kunjungan"]]
    now = timezone.now()
    whole = DatabaseEngine._score(entry("visa kunjungan"), asked, now)
    inside = DatabaseEngine._score(entry("visanya kunjungan"), asked, now)
    assert whole > inside > 0


def test_a_page_holding_the_concept_a_question_names_outranks_one_repeating_its_words(add_entry):
    """ "صاحب العمل يحتجز جواز سفري" (my employer is holding my passport) names passport
    withholding, which the rights guide answers in one sentence; the work permit guide says
    "employer" and "passport" over and over. A concept the glossary names is what the
    question is about: it weighs twice its rarity, as it weighs more for the relevance floor."""
    from search.models import Concept, Term

    concept = Concept.objects.create(key="zq-withholding")
    Term.objects.create(concept=concept, language="en", text="zqwithheld zqpapers", kind="preferred")
    Term.objects.create(concept=concept, language="en", text="zqkeeps zqpapers", kind="variant")
    repeating = add_entry("work permit guide " + "zqboss zqpapers zqpermit " * 3)
    answering = add_entry("your rights: zqwithheld zqpapers must be given back by the zqboss")
    for number in range(6):
        add_entry(f"other page {number} zqpermit")
    results = database_engine().search(SearchQuery(text="zqboss zqkeeps zqpapers", language="en"))
    assert [hit.url for hit in results.hits[:2]] == [answering.url, repeating.url]


def test_an_indonesian_word_as_chats_spell_it_counts_as_the_pages_write_it():
    """ "org" is "orang" and "temen" "teman" as typed in chats (search.text.spoken_spellings):
    no page writes them so, and a page writing them held nothing of those words."""
    assert ["zqlapor"] in concepts("zqlapor org", "id") and ["org", "orang"] in concepts("zqlapor org", "id")
    assert ["temen", "teman"] in concepts("temen", "id")
    assert ["org"] in concepts("zqreport org", "en")


def test_pages_in_other_languages_holding_more_words_leave_room_for_the_readers_own(add_entry, monkeypatch):
    """The entries holding the most words are checked against the reader's languages a chunk at
    a time: a chunk of Chinese pages holding every word must not leave the English one out."""
    monkeypatch.setattr("search.engines.database.CANDIDATE_CHUNK", 2)
    monkeypatch.setattr("search.engines.database.MAX_CANDIDATES", 2)
    for _ in range(5):
        add_entry("Wombat quokka permit", language="zh-hans")
    own = add_entry("Wombat permit", language="en")
    results = search("wombat quokka")
    assert [hit.url for hit in results.hits] == [own.url]


def test_a_search_reads_the_query_once(indexed, monkeypatch):
    """The concepts and the weight of the concepts named come from one cutting of the query into
    words and one matching of them with the glossary."""
    from search import segment

    calls = []
    real = segment.query_tokens

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(segment, "query_tokens", counted)
    search("kitas extension", "en")
    assert len(calls) == 1


@pytest.mark.parametrize(("typed", "language"), [("a", "en"), ("I", "en"), ("0", "id"), ("و", "ar")])
def test_a_query_of_one_letter_finds_nothing(indexed, typed, language):
    """One letter or digit is inside nearly every text: it listed nearly every page."""
    assert search(typed, language=language).total == 0


def test_one_chinese_character_is_a_word_and_finds_what_holds_it(indexed):
    assert "护照" in search("护", language="zh-hans").hits[0].title
