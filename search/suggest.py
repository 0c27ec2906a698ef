"""Where what is being typed begins a title's word, for autocomplete on every engine.

Autocomplete lists first the titles starting with what was typed, then those in which it
starts a word (search/engines/base.py SUGGEST_KINDS, both engines' ``autocomplete``). Search
compares Chinese as character pairs (search/text.py ``words``), in which every character
begins one; a reader typing 护 wants 护照 (passport), not 庇护者 (asylum seeker), so here
Chinese is cut into jieba's words (search/segment.py ``chinese_tokens``), as a reader
reads it. Stored with each entry (``SearchEntry.suggest_words``, the remote engines'
``suggest_words`` field) and made of the typed text at each keystroke.
"""

from search.segment import chinese_tokens
from search.text import ARABIC_LETTERS, CJK, script_runs


def suggest_words(text):
    """``text`` as autocomplete compares it: the words search compares (lower-cased, Arabic
    hamza and taa marbuta normalised), Chinese cut into jieba's words, joined by spaces."""
    found = []
    for run in script_runs(text):
        if CJK.search(run):
            found.extend(word for word, _start, _end in chinese_tokens(run))
        else:
            found.append(run)
    return " ".join(found)


def with_article(typed):
    """``typed`` and, for Arabic, ``typed`` with the article, which Arabic writes joined to its
    word: "اقامه" starts "الاقامه" too."""
    if ARABIC_LETTERS.match(typed) and not typed.startswith("ال"):
        return [typed, f"ال{typed}"]
    return [typed]
