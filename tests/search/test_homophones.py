"""Chinese typos by sound (search/homophones.py), through "did you mean" (search/spelling.py)."""

import pytest

from search import glossary, homophones, spelling
from search.homophones import corrected
from search.models import Concept, Term

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("申请户照", "申请护照"), ("旅游签正", "旅游签证"), ("户照 KITAS", "护照 KITAS")],
)
def test_a_same_sounding_character_is_corrected_towards_the_glossary(indexed, typed, meant):
    assert corrected(typed) == meant
    assert spelling.candidate(typed, "zh-hans") == meant


@pytest.mark.parametrize("typed", ["申请护照", "旅游签证", "妒照", "passport"])
def test_correct_text_and_other_sounds_are_left_alone(indexed, typed):
    """护照 is right; 妒 (dù) does not sound like 护 (hù): no typo by sound."""
    assert corrected(typed) == ""


def test_a_run_the_content_holds_is_never_corrected(indexed, add_entry):
    add_entry("户照", language="zh-hans")
    assert corrected("申请户照") == ""


def test_the_glossarys_chinese_terms_are_derived_once_per_snapshot_and_follow_its_changes(indexed):
    """A Chinese query reads the terms from the snapshot, not from every phrase again."""
    terms = glossary.snapshot().chinese_terms
    assert "护照" in terms
    assert glossary.snapshot().chinese_terms is terms
    concept = Concept.objects.create(key="test-homophone")
    Term.objects.create(concept=concept, language="zh-hans", text="落地签", kind=Term.PREFERRED)
    Term.objects.create(concept=concept, language="id", text="visa kedatangan uji", kind=Term.PREFERRED)
    assert "落地签" in glossary.snapshot().chinese_terms
    assert corrected("申请落地千") == "申请落地签"


def test_a_long_query_is_compared_with_the_terms_it_could_be_a_typo_of(indexed, monkeypatch):
    """Each stretch of the query is looked up, not compared with every term: a query of 300
    characters made ~190,000 comparisons (a second) before "did you mean" answered."""
    compared = []
    one_sound_away = homophones._one_sound_away

    def counted(typed, term):
        compared.append((typed, term))
        return one_sound_away(typed, term)

    monkeypatch.setattr(homophones, "_one_sound_away", counted)
    assert corrected("护" * 300 + "申请户照") == "护" * 300 + "申请护照"
    assert len(compared) < 20
