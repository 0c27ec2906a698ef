"""Where Chinese words begin and end (search/segment.py): the remote engines receive the query
with a space where two known words meet, and without Chinese question words."""

import json

import pytest

from search import segment
from search.engines.base import SearchQuery
from search.engines.database import concepts
from search.engines.remote import build_query
from search.models import Concept, Term

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "apart"),
    [
        ("家属签证", "家属 签证"),  # family + visa: glossary terms side by side
        ("护照申请表", "护照 申请表"),  # passport + application form (synonym lists)
        ("护照丢了怎么办", "护照 丢 了"),  # the question word 怎么办 out, the words apart (jieba)
        ("申请户照", "申请 户照"),  # a typo of 护照: its two characters stay together
        ("和印尼人结婚后能在印尼长住吗", "和 印尼 人 结婚 后 能 在 印尼 长住"),  # no pair across two words
        ("怎么办", "怎么办"),  # nothing but question words: kept whole
        ("visa on arrival", "visa on arrival"),
        ("KITAS 家属签证", "KITAS 家属 签证"),
    ],
)
def test_chinese_known_words_are_set_apart(typed, apart):
    assert segment.apart(typed, "zh-hans") == apart


def test_the_remote_engines_match_the_words_apart_and_suggest_from_the_query_as_typed():
    body = build_query(SearchQuery(text="家属签证", language="zh-hans"))
    sent = json.dumps(body, ensure_ascii=False)
    assert '"query": "家属 签证"' in sent and '"query": "家属签证"' not in sent
    assert body["suggest"]["did_you_mean"]["text"] == "家属签证"


@pytest.mark.parametrize(
    ("typed", "language", "matched"),
    [
        ("what to do if I lost my passport", "en", "lost passport"),
        ("bagaimana cara perpanjang KITAS?", "id", "perpanjang KITAS?"),
        ("كيف أستخرج جواز سفر جديد", "ar", "أستخرج جواز سفر جديد"),
        ("护照丢了怎么办", "zh-hans", "护照 丢 了"),
        ("how", "en", "how"),  # nothing but a question word: kept
    ],
)
def test_the_remote_engines_match_a_question_without_its_question_words(typed, language, matched):
    """Pages titled as questions ("I lost my passport: what do I do?") would otherwise match
    any question on "what", "do" and "I" alone, as the database engine never lets them."""
    assert segment.matched(typed, language) == matched


@pytest.mark.parametrize(
    ("typed", "matched"),
    [("how long is an extension of stay", "long extension of stay"), ("married to an Indonesian", None)],
)
def test_a_glossary_term_keeps_its_function_words(typed, matched):
    """ "of" is a function word, but "extension of stay" is a glossary term: it still names its
    concept on both engines, and its words are not looked for one by one."""
    assert segment.matched(typed, "en") == (matched or typed)
    meant = concepts(typed, "en")
    assert any("perpanjang" in options or "perkawinan campuran" in options for options in meant)
    assert not any(options[0] in {"of", "to", "an"} for options in meant)


def test_a_chinese_word_of_three_characters_is_one_concept_and_pairs_across_words_are_out(indexed):
    """巴厘岛租摩托车 (rent a motorbike in Bali): 巴厘岛 and 摩托车 are a word each, looked for
    whole; 岛租 and 租摩 straddle two words and are looked for nowhere."""
    from search.engines.database import concepts

    meant = [options[0] for options in concepts("巴厘岛租摩托车", "zh-hans")]
    assert "巴厘 厘岛" in meant and "摩托 托车" in meant
    assert not {"岛租", "租摩", "巴厘", "厘岛"} & set(meant)


@pytest.mark.parametrize(
    ("typed", "named", "not_named"),
    [
        ("巴厘岛移民局", {"巴厘", "巴厘 厘岛"}, set()),  # "island" after the name
        ("东爪哇省的移民局", {"东爪 爪哇"}, set()),  # "province" after the name
        ("廖内群岛移民局", {"廖内 内群 群岛"}, {"廖内 内群"}),  # "islands" is part of the name
        ("kantor imigrasi Jakarta Pusat", {"jakarta pusat", "jakarta"}, set()),
        ("مكتب الهجرة في بالي", {"بالي"}, set()),
    ],
)
def test_a_query_names_places_whole_in_words_of_any_script(typed, named, not_named):
    """The places a query may name whole (``named_whole``), written as the engines keep the
    places of documents (search.text.phrase), in any script."""
    found = segment.named_whole(typed)
    assert named <= found and not (not_named & found)


def test_a_long_question_names_places_from_its_first_words_only():
    typed = " ".join(f"kata{number}" for number in range(40))
    found = segment.named_whole(typed)
    assert "kata0 kata1 kata2" in found and "kata39" not in found
    assert max(len(name.split()) for name in found) == segment.MAX_NAME_WORDS


@pytest.mark.django_db
def test_a_term_as_compared_is_written_again_as_pages_write_it():
    """The remote engines look a named concept's terms up whole in the fields that keep the
    text as written (``as_written``): Chinese pairs joined again, Arabic with its hamza and ta
    marbuta as the glossary writes them."""
    concept = Concept.objects.create(key="zq-written")
    Term.objects.create(concept=concept, language="ar", text="تأشيرة زيارة زقزق", kind="preferred")
    assert segment.as_written("تاشيره زياره زقزق") == "تأشيرة زيارة زقزق"
    assert segment.as_written("滥用 用签 签证") == "滥用签证"
    assert segment.as_written("kitas 旅游 游签 签证 visa") == "kitas 旅游签证 visa"


@pytest.mark.django_db
def test_the_remote_engines_get_a_spoken_verb_in_its_formal_spelling_unless_a_page_holds_it(add_entry):
    """The engines' Indonesian stemmer knows "mengajukan", not "ngajuin"; a word some page holds
    as typed ("nyaman", comfortable) is no spoken verb and stays."""
    add_entry("tempat tinggal yang nyaman", language="id")
    assert segment.matched("ngajuin perpanjangan", "id") == "mengajukan perpanjangan"
    assert segment.matched("rumah nyaman", "id") == "rumah nyaman"
    assert segment.matched("ngajuin perpanjangan", "en") == "ngajuin perpanjangan"


@pytest.mark.django_db
def test_an_indonesian_word_spoken_without_its_first_h_gets_it_back_when_pages_hold_it(add_entry):
    """Chat Indonesian drops a word's first h ("paspor ilang" for "paspor hilang", "visa udah
    abis"): the remote engines' typo clause keeps a word's first letters, so nothing matched.
    The h comes back only when no page holds the word as typed and some page holds it with
    the h: "anak" and "izin" begin with a vowel of their own."""
    add_entry("paspor hilang atau habis masa berlakunya; izin tinggal anak", language="id")
    assert segment.matched("paspor ilang", "id") == "paspor hilang"
    assert segment.matched("visa abis", "id") == "visa habis"
    assert segment.matched("izin anak", "id") == "izin anak"
    assert segment.matched("paspor ulang", "id") == "paspor ulang"
    assert segment.matched("paspor ilang", "en") == "paspor ilang"


@pytest.mark.django_db
def test_an_indonesian_word_spoken_with_e_for_its_last_a_gets_its_written_vowel(add_entry):
    """Jakarta speech and chats turn a last syllable's a into e ("cepet" for "cepat", "bener"
    for "benar", "temen" for "teman") and shorten words ("org" for "orang"); the written
    spelling comes back only when no page holds the word as typed and some page holds it
    written: "paket" (a parcel) stays."""
    add_entry("layanan cepat dan benar bagi teman orang asing; paket, pakat", language="id")
    assert segment.matched("layanan cepet", "id") == "layanan cepat"
    assert segment.matched("temen gue", "id") == "teman"
    assert segment.matched("paket", "id") == "paket"
    assert segment.matched("org asing", "id") == "orang asing"
