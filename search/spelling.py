"""Candidates for "did you mean", shared by every engine (search/answer.py decides whether
one is offered).

A word is never replaced when it is known: found in the indexed content (any language, so
an Indonesian permit name typed on the English site stays), in the glossary (any term,
misspellings included, since the glossary already leads those to their concept), or common
in the reader's language, English or Indonesian (``common``: "weather" is no typo of
"whether", nor "harga", price, of "warga", resident, though no page holds them). Only an
unknown word of at least four letters is replaced, by the closest word of the titles,
summaries and topic names in the reader's language and Indonesian, or of the glossary's
terms, written in the same script, close enough (``CUTOFF``) and a typo rather than another
form of the word (``typo_of``: "quickly" is not corrected to "quick"). Chinese words are not
separated, so a character pair missing from the content is no typo; Chinese is corrected by
sound instead, towards the glossary's terms (search/homophones.py).
"""

import difflib
from functools import lru_cache

from django.db.models import Count, Max
from wordfreq import zipf_frequency

from search import glossary, homophones
from search.fulltext import holding_word
from search.models import SearchEntry
from search.text import ARABIC_LETTERS, CJK, FUNCTION_WORDS, WORD, words, written_forms

CUTOFF = 0.8
# One letter changed in a word of MIN_LENGTH letters is a ratio of .75 ("جواذ" for "جواز"):
# such a word is corrected towards a glossary term only (MIN_LENGTH_FOR_CONTENT_WORDS). Before
# common words were kept (``common``), this cost honest answers (tuned English 1.00 -> .91).
SHORT_CUTOFF = 0.75
# A short word close to another word of the content is as often another real word as a typo
# ("Sabtu", Saturday, is no typo of "satu", one): below this length only a glossary term
# is offered as the correction.
MIN_LENGTH_FOR_CONTENT_WORDS = 6
MIN_LENGTH = 4
FALLBACK = "id"
# A word at least this common (wordfreq's Zipf scale: 3 is once per million words) is a word,
# not a typo. Common misspellings stay below it ("recieve" 2.75, "goverment" 2.66,
# "permanant" 1.47); informal spellings readers use are above it ("sperti" 3.51), left as typed.
COMMON_WORD = 3.0
# wordfreq's name for a language, where it differs from the site's; its "small" lists hold
# every word from once per million on (COMMON_WORD), 16 MB for the three languages looked up.
WORDFREQ_LANGUAGES = {"zh-hans": "zh"}


def present(tokens):
    """The tokens that occur as a whole word somewhere in the index (a lookup each)."""
    return {token for token in tokens if SearchEntry.objects.filter(holding_word(token)).exists()}


def _script(word):
    return "latin" if word.isascii() else ("arabic" if ARABIC_LETTERS.search(word) else "other")


def vocabulary(language):
    """({content word: as written}, glossary words) corrections may lead to, read again when
    they change."""
    languages = sorted({language, FALLBACK})
    stamp = SearchEntry.objects.filter(language__in=languages).aggregate(
        count=Count("pk"), latest=Max("version")
    )
    content = _vocabulary(tuple(languages), stamp["count"], stamp["latest"])
    terms = set()
    for listed in glossary.snapshot().terms.values():
        for code in languages:
            for phrase in listed.get(code, ()):
                terms.update(word for word in phrase.split() if len(word) >= MIN_LENGTH)
    return content, terms


@lru_cache(maxsize=8)
def _vocabulary(languages, count, latest):
    """{word as compared: as the content writes it} of the titles, summaries and topics."""
    rows = SearchEntry.objects.filter(language__in=languages).values_list("title", "summary", "topic_titles")
    forms = written_forms(
        f"{title} {summary} {' '.join(topics)}" for title, summary, topics in rows.iterator(chunk_size=500)
    )
    return {word: form for word, form in forms.items() if len(word) >= MIN_LENGTH and not word.isdigit()}


def typo_of(typed, word):
    """Whether ``word`` is what ``typed`` was meant to be, not another form of it: the lengths
    differ by one letter at most (two between words of six letters or more: "pasprt"), and a word that only adds or drops an ending ("visas",
    "quickly") is a form, except a doubled last letter ("kitass"); a word that only adds
    letters in front is a particle or a prefix (Arabic "bi-", "wa-")."""
    if abs(len(typed) - len(word)) > 2 or (
        abs(len(typed) - len(word)) == 2 and min(len(typed), len(word)) < 6
    ):
        return False
    if len(typed) == len(word):
        return True
    shorter, longer = sorted((typed, word), key=len)
    if longer.startswith(shorter):
        return len(longer) - len(shorter) == 1 and longer[-1] == shorter[-1]
    return not longer.endswith(shorter)


def candidate(text, language):
    """The query with its typos corrected, or "" when there is nothing to correct: Chinese
    characters of the wrong sound-alike (search/homophones.py), then unknown words."""
    chinese = homophones.corrected(text)
    return _corrected_words(chinese or text, language) or chinese


def never_replaced(tokens):
    """Those of the words (as search compares them) that no "did you mean" replaces, on any
    engine: the glossary's terms (misspellings included, since the glossary leads those to
    their concept) and the question words, chat spellings included ("kalo", "gak"), which
    are no typos of a title's word. Asked once for all the words: the glossary's snapshot is
    checked against the shared cache on each call."""
    terms = glossary.known_words()
    return {token for token in tokens if token in terms or token in FUNCTION_WORDS}


def common(word, language):
    """Whether ``word`` (as typed: wordfreq knows "التأخير", not its normalised "التاخير") is a
    common word of ``language``, English or Indonesian, which readers type on every site."""
    codes = {WORDFREQ_LANGUAGES.get(language, language), "en", FALLBACK}
    return any(zipf_frequency(word, code, wordlist="small") >= COMMON_WORD for code in codes)


def _compared(typed):
    """A typed word as search compares it, or None when search cuts it into several
    (Chinese pairs, mixed scripts): only whole words are corrected."""
    compared = words(typed)
    return compared[0] if len(compared) == 1 else None


def _typed_forms(text):
    """{word as search compares it: word as typed} for the query's single words."""
    forms = {}
    for match in WORD.finditer(text):
        compared = _compared(match.group(0))
        if compared:
            forms.setdefault(compared, match.group(0))
    return forms


def _corrected_words(text, language):
    """The query with its unknown words corrected, or "" when there is nothing to correct."""
    tokens = words(text)
    unknown = [
        token
        for token in dict.fromkeys(tokens)
        if len(token) >= MIN_LENGTH and not CJK.search(token) and not token.isdigit()
    ]
    typed = _typed_forms(text)
    unknown = {token for token in unknown if not common(typed.get(token, token), language)}
    unknown -= never_replaced(unknown)
    if not unknown:
        return ""
    unknown -= present(sorted(unknown))
    if not unknown:
        return ""
    content, terms = vocabulary(language)
    corrections = {}
    for token in unknown:
        script = _script(token)
        allowed = content.keys() | terms if len(token) >= MIN_LENGTH_FOR_CONTENT_WORDS else terms
        near = [word for word in allowed if _script(word) == script and typo_of(token, word)]
        cutoff = SHORT_CUTOFF if len(token) == MIN_LENGTH else CUTOFF
        close = difflib.get_close_matches(token, near, n=1, cutoff=cutoff)
        if close and close[0] != token:
            # Offered as the pages or the glossary write it, not as search compares it.
            corrections[token] = content.get(close[0]) or glossary.written(close[0])
    return _as_typed(text, corrections) if corrections else ""


def _as_typed(text, corrections):
    """The query as the reader typed it, with only the corrected words replaced: the others
    keep their capitals, Arabic hamza and taa marbuta (search compares words normalised, but
    a suggestion in the normalised spelling read as if those were corrected too)."""

    def replace(match):
        word = match.group(0)
        return corrections.get(_compared(word), word)

    return WORD.sub(replace, text).strip()
