"""The public search page as readers of every language see it: sentences translated whole,
text of the other direction kept in order, links carrying the search as searched, pinned
results shown once, the no-match and zero-result pages, and snippets cut between words."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from cms.models import GuidePage
from search.engines import database_engine
from search.engines.base import MARK_END, MARK_START, SearchQuery, snippet_bounds
from search.engines.database import snippet
from search.labels import KIND_LABELS
from search.models import BestBet, SearchEntry

pytestmark = pytest.mark.django_db

NOT_TRANSLATED_AR = "متوفر باللغة الإندونيسية فقط"  # "Only available in Bahasa Indonesia"


def page(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def between(html, start, end):
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


def bet(**fields):
    return BestBet.objects.create(**{"position": 1, **fields})


def links(html):
    """The search's own links (facets, pages, did you mean), as query strings."""
    html = between(html, "<main", "</main>")
    return [parse_qs(unescape(href)[1:]) for href in re.findall(r'href="(\?[^"]*)"', html)]


# 1. The results of a correction say so, each sentence translated whole, and lead back.


@pytest.mark.parametrize(
    ("language", "typed", "meant", "showing", "instead"),
    [
        ("en", "golden vissa", "golden visa", "Showing results for", "Search instead for"),
        ("ar", "تأشيرة الزيراة", "تأشيرة الزيارة", "عرض النتائج عن", "البحث بدلاً من ذلك عن"),
        ("zh-hans", "申请户照", "申请护照", "以下是", "仍然搜索："),
    ],
)
def test_the_results_of_a_correction_say_so_and_lead_to_the_words_as_typed(
    client, indexed, language, typed, meant, showing, instead
):
    """The database engine showed the correction's results under "Did you mean …?", and its
    links (pages, filters, the box) carried the typo: a click searched the typo again."""
    html = page(client, language, q=typed)
    notice = between(html, '<div class="search-correction">', "</div>")
    assert f'{showing}<strong dir="auto">{meant}</strong>' in notice.replace(" <strong", "<strong")
    back = unescape(re.search(instead + r' ?<a href="([^"]+)" dir="auto">([^<]+)</a>', notice).group(1))
    assert parse_qs(back[1:]) == {"q": [typed], "typed": ["1"]}
    assert unescape(re.search(r'<input id="search-q"[^>]* value="([^"]*)"', html).group(1)) == meant
    assert all(query["q"] == [meant] for query in links(html) if "typed" not in query)
    as_typed = page(client, language, q=typed, typed="1")
    assert 'class="search-correction"' not in as_typed
    assert unescape(re.search(r'<input id="search-q"[^>]* value="([^"]*)"', as_typed).group(1)) == typed
    assert all(query.get("typed") == ["1"] for query in links(as_typed))


# 2. A query in the other direction keeps its order: in the box, the sentence and the title.


def test_a_left_to_right_query_keeps_its_order_on_the_arabic_page(client, indexed):
    html = page(client, "ar", q="best restaurant in Jakarta?")
    box = re.search(r'<input id="search-q"[^>]*>', html).group(0)
    assert 'dir="auto"' in box
    sentence = between(html, '<div class="zero-results no-good-match">', "</p>")
    assert "<bdi>best restaurant in Jakarta?</bdi>" in sentence
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "\u2068best restaurant in Jakarta?\u2069" in title  # first strong isolate … pop


@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_the_title_quotes_the_query_as_the_page_does(client, indexed, language):
    """The quotation marks belong to the translated strings: each language's own (Arabic « »),
    the same in the title as in the sentence below it."""
    html = page(client, language, q="best restaurant in Jakarta?")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    in_title = re.search(r"(.)\u2068best restaurant in Jakarta\?\u2069(.)", title).groups()
    in_text = re.search(r"(.)<bdi>best restaurant in Jakarta\?</bdi>(.)", html).groups()
    assert in_title == in_text


# 3. Links carry the query as searched: cut at 512 characters, as the box shows it.


def test_filter_page_and_suggestion_links_carry_the_query_as_cut(client, indexed):
    typed = "passport visa " * 400  # 5,600 characters
    html = page(client, "en", q=typed)
    shown = unescape(re.search(r'<input id="search-q"[^>]* value="([^"]*)"', html).group(1))
    assert len(shown) <= 512
    found = links(html)
    assert len(found) > 3  # facets and the next page at least
    assert all(query["q"] == [shown] for query in found)
    assert (
        max(len(href) for href in re.findall(r'href="(\?[^"]*)"', between(html, "<main", "</main>"))) < 2000
    )
    # The language switcher in the header too: the same search in another language.
    switch = re.search(r'href="(/ar/search/\?[^"]*)"', html).group(1)
    assert len(switch) < 2000 and parse_qs(urlsplit(unescape(switch)).query)["q"] == [shown]


# 4. A pinned page is shown once, and as its result would be.


def test_a_pinned_untranslated_page_is_listed_once_with_its_language_note(client, indexed):
    guide = GuidePage.objects.live().get(slug="paspor-hilang-atau-rusak")
    assert "ar" not in guide.translation_state  # the Arabic reader is given the Indonesian text
    bet(language="ar", query="paspor hilang", page=guide)
    html = page(client, "ar", q="paspor hilang")
    assert len(re.findall(r'href="/(?:ar|id)/paspor/paspor-hilang-atau-rusak/"', html)) == 1
    pinned = between(html, 'class="best-bets"', "</section>")
    assert re.search(
        r'<a href="/ar/paspor/paspor-hilang-atau-rusak/" hreflang="id" lang="id" dir="auto">', pinned
    )
    assert NOT_TRANSLATED_AR in pinned


def test_a_pinned_translated_page_has_no_language_note(client, indexed):
    guide = GuidePage.objects.live().get(slug="paspor-baru")
    bet(language="ar", query="جواز سفر جديد", page=guide)
    pinned = between(page(client, "ar", q="جواز سفر جديد"), 'class="best-bets"', "</section>")
    assert "/ar/paspor/paspor-baru/" in pinned
    assert NOT_TRANSLATED_AR not in pinned and 'lang="id"' not in pinned


# 5. The honest no-match page offers the topics and the ways to ask.


def test_the_no_good_match_page_offers_the_closest_topics_and_the_ways_to_ask(client, indexed):
    html = page(client, "en", q="best restaurant in Jakarta?")
    no_match = between(html, '<div class="zero-results no-good-match">', "</details>")
    topics = between(no_match, '<ul class="topic-links">', "</ul>")
    assert re.search(
        r'<a href="/en/(?:paspor|visa|izin-tinggal|pengungsi|hak-dan-kewajiban|pelaporan)/">', topics
    )
    assert 'href="/en/#topics"' in topics and "Browse the guides by topic" in no_match
    assert 'class="ways-to-ask"' in no_match and 'href="/en/forums/"' in no_match
    assert '<details class="partial-matches">' in no_match  # the near misses, still folded


# 6. Snippets start and end with whole words (Chinese: anywhere between two characters).


def visible(fragment):
    text = unescape(str(fragment).replace("<mark>", "").replace("</mark>", ""))
    return text.removeprefix("… ").removesuffix(" …")


def at_word_boundaries(text, fragment):
    start = text.find(fragment)
    assert start >= 0, fragment
    end = start + len(fragment)
    return not (
        start > 0
        and text[start - 1].isalnum()
        and fragment[0].isalnum()
        and not "\u4e00" <= fragment[0] <= "\u9fff"
    ) and not (
        end < len(text)
        and text[end].isalnum()
        and fragment[-1].isalnum()
        and not "\u4e00" <= text[end] <= "\u9fff"
    )


@pytest.mark.parametrize(
    ("filler", "sentence", "term"),
    [
        (
            "Indonesia is not a party to the 1951 Refugee Convention, so the work is carried out by UNHCR. ",
            "Registration and refugee status determination are done by UNHCR staff in Jakarta. ",
            "registration",
        ),
        (
            "يمكن للمواطنين الإندونيسيين التسجيل عبر التطبيق ثم زيارة مكتب الهجرة لالتقاط الصور، ",
            "ثم للحصول على جواز سفر عادي أو إلكتروني، ",
            "جواز",
        ),
        (
            "Peraturan Pemerintah 31/2013 Pemohon paspor, orang asing pemegang izin tinggal. ",
            "Penjamin dan pemberi kerja visa. ",
            "visa",
        ),
    ],
)
def test_a_snippet_is_cut_between_words(filler, sentence, term):
    text = filler * 3 + sentence + filler * 3
    shown = snippet(text, [term])
    fragment = visible(shown)
    assert str(shown).startswith("… ") and str(shown).endswith(" …")
    assert at_word_boundaries(text, fragment)
    assert fragment[0] not in ",.;: " and term in fragment.lower()


def test_a_chinese_snippet_may_be_cut_between_any_two_characters():
    text = "印度尼西亚公民可通过应用申请普通护照或电子护照然后前往移民局办公室拍照采集指纹并接受面谈" * 8
    start, end = snippet_bounds(text, 70, 290)
    assert (start, end) == (70, 290)


def test_a_word_longer_than_the_snippet_is_cut():
    text = "x" * 500
    assert snippet_bounds(text, 60, 280) == (60, 280)


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("registration", "en"),
        ("legal advice", "en"),
        ("paspor hilang", "ar"),
        ("الرئيسية", "ar"),
        ("pemohon", "id"),
    ],
)
def test_snippets_of_results_start_and_end_with_whole_words(indexed, typed, language):
    results = database_engine().search(SearchQuery(text=typed, language=language))
    assert results.hits
    for hit in results.hits:
        entry = SearchEntry.objects.filter(url=hit.url, language=hit.language).first()
        text = entry.summary + " " + entry.body
        assert at_word_boundaries(text, visible(hit.snippet).replace(MARK_START, "").replace(MARK_END, ""))


# 7. Filters: an unknown value is ignored; active filters that leave nothing can be cleared.


def test_an_unknown_filter_value_is_ignored(client, indexed):
    plain = page(client, "en", q="passport")
    html = page(client, "en", q="passport", kind="nonsense", topic="no-such-topic", audience="martians")
    count = re.search(r'role="status">([^<]*)<', html).group(1)
    assert count == re.search(r'role="status">([^<]*)<', plain).group(1) and count != "0 results"
    main = between(html, "<main", "</main>")  # the search's own links carry only what it used
    assert "nonsense" not in main and "no-such-topic" not in main and "martians" not in main


def test_filters_that_leave_nothing_are_named_with_a_link_clearing_them(client, indexed):
    found = dict(database_engine().search(SearchQuery(text="passport", language="en")).facets["kind"])
    kind = next(kind for kind in KIND_LABELS if kind not in found)
    html = page(client, "en", q="passport", kind=kind, topic="paspor")
    assert re.search(r'role="status">0 results<', html)
    notice = between(html, '<div class="notice filters-notice">', "</div>")
    assert f"Type: {KIND_LABELS[kind]}" in notice and "Topic: Passports" in notice
    assert 'href="?q=passport"' in notice


# 8. The count agrees with what the page lists.


def test_a_pinned_result_alone_is_counted(client, indexed):
    bet(language="en", query="qwxzv", url="/en/complaints/track/", title="Track your complaint")
    html = page(client, "en", q="qwxzv")
    assert re.search(r'role="status">1 result<', html)
    assert "Recommended by the editors" in html


def test_a_pinned_page_among_the_results_is_counted_once(client, indexed):
    guide = GuidePage.objects.live().get(slug="paspor-hilang-atau-rusak")
    total = database_engine().search(SearchQuery(text="lost passport", language="en")).total
    bet(language="en", query="lost passport", page=guide)
    html = page(client, "en", q="lost passport")
    assert re.search(rf'role="status">{total} results<', html)
