"""The share of a question a page holds (search/coverage.py), counted among given pages."""

import pytest

from search import coverage

pytestmark = pytest.mark.django_db


def test_among_the_first_results_what_they_all_hold_tells_least():
    """Ordering the first results again (search/engines/remote.py by_coverage) weighs each of the
    query's words by how few of those pages hold it: the page holding the word only one of them
    holds holds more of the question than the page holding the word they all hold."""
    pages = ["zqalpha zqbeta", "zqalpha", "zqalpha zqgamma"]
    measure = coverage.weighing_among("zqalpha zqbeta", "en", pages)
    assert measure.share("zqbeta") > 0.5 > measure.share("zqalpha") > 0
    assert measure.share("zqalpha zqbeta") == pytest.approx(1.0)


def test_a_concept_the_glossary_names_weighs_more_among_the_first_results():
    """A glossary concept ("kitas") held by as few pages as another word weighs more."""
    pages = ["kitas", "zqdelta"]
    measure = coverage.weighing_among("kitas zqdelta", "en", pages)
    assert measure.named
    assert measure.share("kitas") > measure.share("zqdelta")


def test_no_pages_nothing_to_weigh():
    assert coverage.weighing_among("kitas", "en", []) is None
