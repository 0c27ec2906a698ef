"""Chinese typing errors: a character replaced by another with the same sound.

Chinese is typed through pinyin: the reader types the sound and picks a character from a
list, so the usual typo is a right-sounding wrong character (户照 for 护照, passport; 签正 for
签证, visa), not a wrong letter. ``corrected`` replaces a run of the query that is not found
in the content but is one same-sounding character away from a Chinese term of the glossary
(the service's own vocabulary), and nothing else: where the content holds the replaced
character with a neighbour (户照 in a page: a name, not a typo), the run is left as typed, however
long the term it would become ("申请护照", apply for a passport).
Sounds come from pypinyin's dictionary, without tones (most input methods ignore them), every
reading of a character counted.
"""

from collections import defaultdict
from functools import lru_cache

from pypinyin import Style, pinyin

from search import glossary
from search.fulltext import holding_any
from search.models import SearchEntry
from search.text import CJK_RUN, phrase


@lru_cache(maxsize=4096)
def sounds(character):
    return frozenset(pinyin(character, style=Style.NORMAL, heteronym=True)[0])


def _masked(word, index):
    """``word`` with its character at ``index`` hidden."""
    return f"{word[:index]}\0{word[index + 1 :]}"


@lru_cache(maxsize=2)
def _near(terms):
    """The Chinese terms under each of their characters hidden, and the terms' lengths: a run
    one character away from a term is found by hiding each of its characters in turn, a
    lookup per character typed. Comparing every run with every term was ~190,000 comparisons
    (a second) for a query of 300 characters."""
    masked = defaultdict(list)
    for term in sorted(terms):
        for index in range(len(term)):
            masked[_masked(term, index)].append(term)
    return masked, sorted({len(term) for term in terms})


def _one_sound_away(typed, term):
    """Whether ``typed`` is ``term`` with exactly one character replaced by a homophone."""
    if len(typed) != len(term):
        return False
    differing = [(a, b) for a, b in zip(typed, term, strict=True) if a != b]
    return len(differing) == 1 and bool(sounds(differing[0][0]) & sounds(differing[0][1]))


def _written_in_content(typed, term):
    """Whether the content holds the character of ``typed`` that differs from ``term`` together
    with a neighbour: search compares Chinese by character pairs, so such a pair is a word
    of the pages, not a typo."""
    index = next(index for index, (a, b) in enumerate(zip(typed, term, strict=True)) if a != b)
    ends = [start for start in (index - 1, index) if start >= 0 and start + 2 <= len(typed)]
    held = [phrase(typed[start : start + 2]) for start in ends] or [phrase(typed)]
    return SearchEntry.objects.filter(holding_any(held)).exists()  # one lookup for the pairs


def _typo_of(typed, terms, masked):
    """The first term (in order) that ``typed`` is one same-sounding character away from."""
    if typed in terms:
        return None
    for index in range(len(typed)):
        for term in masked.get(_masked(typed, index), ()):
            if _one_sound_away(typed, term) and not _written_in_content(typed, term):
                return term
    return None


def corrected(text):
    """``text`` with its same-sounding Chinese typos replaced, or "" when there are none. Each
    stretch of the query as long as a term is looked at once, however often it is typed."""
    runs = CJK_RUN.findall(text)
    if not runs:
        return ""
    terms = glossary.snapshot().chinese_terms
    masked, lengths = _near(terms)
    stretches = {
        run[start : start + length]
        for run in runs
        for length in lengths
        for start in range(len(run) - length + 1)
    }
    corrections = {}
    for typed in sorted(stretches):
        term = _typo_of(typed, terms, masked)
        if term:
            corrections[typed] = term
    for typed, term in corrections.items():
        text = text.replace(typed, term)
    return text if corrections else ""
