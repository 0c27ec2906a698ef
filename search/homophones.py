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

from functools import lru_cache

from pypinyin import Style, pinyin

from search import glossary
from search.fulltext import holding_any
from search.models import SearchEntry
from search.text import CJK_RUN, phrase


@lru_cache(maxsize=4096)
def sounds(character):
    return frozenset(pinyin(character, style=Style.NORMAL, heteronym=True)[0])


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


def corrected(text):
    """``text`` with its same-sounding Chinese typos replaced, or "" when there are none."""
    runs = CJK_RUN.findall(text)
    if not runs:
        return ""
    terms = glossary.snapshot().chinese_terms
    corrections = {}
    for run in runs:
        for term in terms:
            for start in range(len(run) - len(term) + 1):
                typed = run[start : start + len(term)]
                if (
                    typed not in terms
                    and _one_sound_away(typed, term)
                    and not _written_in_content(typed, term)
                ):
                    corrections[typed] = term
    for typed, term in corrections.items():
        text = text.replace(typed, term)
    return text if corrections else ""
