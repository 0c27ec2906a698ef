"""Scripts written without spaces between words, one definition for every part of search
(search/text.py): Chinese is read in character pairs, segmented and given pinyin; Chinese and
Japanese are both cut anywhere in a snippet, kana only there. A best bet's query key, made of
the words search cuts, is the key stored before for every query but one holding Extension B."""

import re
import unicodedata

import pytest

from search import models
from search.engines.base import snippet_bounds
from search.text import ARABIC, CJK, UNSPACED, WORD, query_key, simplified, words

# One character of each range: the unified ideographs, Extension A, a compatibility
# ideograph, Extension B (a rare character of names, 𠮷), and a CJK Compatibility Supplement one.
HAN = ("护", "㐀", "\uf900", "\U00020bb7", "\U0002f800")
KANA = ("の", "ビ", "ー")


def test_chinese_characters_of_every_range_are_chinese_and_unspaced():
    assert all(CJK.match(character) and UNSPACED.match(character) for character in HAN)


def test_kana_is_cut_anywhere_in_a_snippet_but_not_read_as_chinese():
    assert all(UNSPACED.match(character) and not CJK.match(character) for character in KANA)
    assert words("ビザ申请") == ["ビザ", "申请"]
    assert words("ひらがなのビザ") == ["ひらがなのビザ"]


@pytest.mark.parametrize(
    "text",
    [
        "日本のビザはオンラインで申請できますが入国管理局で写真を撮ります" * 16,
        "\U00020bb7野家の\U00020bb7田さんは申請書を入国管理局に出しました" * 16,
    ],
)
def test_a_japanese_snippet_may_be_cut_between_any_two_characters(text):
    assert snippet_bounds(text, 70, 290) == (70, 290)


def test_a_chinese_word_with_a_character_of_extension_b_is_read_in_pairs():
    # 𠮷 (U+20BB7) is the Extension B character of a family name; read apart from the
    # characters around it, the name was a word of one letter beside a pair.
    assert words("\U00020bb7野家") == ["\U00020bb7野", "野家"]
    assert query_key("\U00020bb7野家 签证") == "\U00020bb7野家签证"


def test_migration_0009_fills_keys_in_as_best_bets_are_saved():
    assert models.query_key is query_key  # the name the migration imports


# Chinese as the stored keys were made (Extension B since counts as Chinese).
STORED_CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
STORED_SCRIPT_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")


def key_as_stored(text):
    """``query_key`` as migration search/0009 filled the stored keys in and best bets were
    saved since, before it was made of search.text.words' runs: the keys every stored bet holds."""
    text = simplified(unicodedata.normalize("NFKC", text or "")).translate(ARABIC)
    key, previous_chinese = "", False
    for token in WORD.findall(text):
        for run in STORED_SCRIPT_RUN.findall(token.lower()):
            chinese = bool(STORED_CHINESE.search(run))
            if key and not (chinese and previous_chinese):
                key += " "
            key += run
            previous_chinese = chinese
    return key


@pytest.mark.parametrize(
    "text",
    [
        "Beach holidays",
        "kitas sponsor",
        "kitas sponsor?",
        "Surat  Ungu",
        "surat ungu?",
        "Golden visa",
        "绿卡抽签",
        "绿卡 抽签",
        "绿卡抽签？",
        "工作KITAS",
        "KITAS工作 visa",
        "visa 签证 تأشيرة",
        "申请KITAS需要什么",
        "ＫＩＴＡＳ　申请",  # full-width Latin, an ideographic space
        "ＫＩＴＡＳ申请",
        "ﺟﻮﺍﺯ ﺳﻔﺮ",  # Arabic presentation forms
        "護照丟了怎麼辦",  # Traditional Chinese
        "綠卡 抽籤",
        "居留許可（KITAS/KITAP）",
        "تَأْشِيرَة الزِّيَارَة",  # short-vowel marks
        "تأشـــيرة",  # tatweel
        "إقامة مؤقتة",  # hamza on alif, taa marbuta
        "اللاجئ واللاجىء",
        "?!…",
        "？？",
        "、。！",
        "",
        "   ",
        "UU 6/2011",
        "e-KTP",
        "kitas_sponsor",
        "🙂 visa",
        "ビザ申请",
        "㐀㐁 x",
    ],
)
def test_a_query_key_is_the_key_stored_before(text):
    assert query_key(text) == key_as_stored(text)
