"""How search cuts and normalises words (search/text.py), the same for every part of search."""

import pytest

from search.text import formal, spoken_spellings, stem, title_length, words


def test_arabic_hamza_on_its_seat_apart_or_left_out_is_one_spelling():
    """ "Refugee" as people type it: hamza on a yaa seat, apart after alif maqsura, or not at all."""
    assert words("اللاجئ") == words("اللاجىء") == words("اللاجي")
    assert words("مسؤول") == words("مسوول")
    assert words("تـأشـيرة") == words("تأشيرة")  # tatweel


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("menahan", "tahan"),
        ("penahanan", "tahan"),
        ("menetap", "tetap"),
        ("menyewa", "sewa"),
        ("melapor", "lapor"),
    ],
)
def test_an_indonesian_stem_gets_back_the_letter_its_prefix_swallowed(word, expected):
    """Snowball gives "ahan" for "menahan" (meN- + "tahan"), found in "bahan" and "perubahan"."""
    assert stem(word, "id") == expected


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("ngajuin", "mengajukan"),
        ("ngurus", "mengurus"),
        ("nyogok", "menyogok"),
        ("nawarin", "menawarkan"),
        ("dibikinin", "dibikinkan"),
        ("ngelapor", "melapor"),
        # words of their own, left alone
        ("nikah", "nikah"),
        ("negara", "negara"),
        ("izin", "izin"),
        ("miskin", "miskin"),
        ("bermain", "bermain"),
    ],
)
def test_an_indonesian_verb_as_spoken_gets_its_formal_spelling(spoken, written):
    """Spoken Indonesian drops the me- of the nasal prefix and writes -in for -kan."""
    assert formal(spoken) == written


def test_a_spoken_verb_stems_as_its_formal_spelling():
    assert stem("nyogok", "id") == "sogok"
    assert stem("nawarin", "id") == "tawar"


def test_title_length_counts_words_beyond_function_words():
    assert title_length("Rights and obligations") == 2
    assert title_length("签证") == 1
    assert title_length("居留许可") == 3  # character pairs, as the index cuts Chinese


@pytest.mark.parametrize(
    ("title", "length"),
    [("Stay Permits (KITAS/KITAP)", 2), ("居留许可（KITAS/KITAP）", 3), ("(KITAS)", 1), ("Visa (", 1)],
)
def test_a_titles_words_in_brackets_are_other_names_not_more_of_it(title, length):
    assert title_length(title) == length


@pytest.mark.parametrize(
    ("word", "language", "candidates"),
    [
        ("ilang", "id", ["hilang"]),
        ("abis", "id", ["habis"]),
        ("cepet", "id", ["cepat"]),
        ("utang", "id", ["hutang"]),
        ("emper", "id", ["hemper", "empar"]),
        ("org", "id", ["orang"]),
        ("tgl", "id", ["tanggal"]),
        # too short, a function word, another reader's language, no e in the last syllable
        ("ari", "id", []),
        ("atau", "id", []),
        ("ilang", "en", []),
        ("visa", "id", []),
        ("overstey", "id", ["hoverstey"]),  # no "overstay": a typo, which "did you mean" offers
    ],
)
def test_a_word_as_chats_spell_it_has_its_written_spellings_as_candidates(word, language, candidates):
    """Only candidates: segment.spoken_words keeps the ones the index holds."""
    assert spoken_spellings(word, language) == candidates
