"""The words a query is known to hold, and where Chinese words begin and end.

Chinese is written without spaces; search cuts it into overlapping character pairs
(search/text.py ``words``), the remote engines' cjk_bigram filter too. A pair across two
words is half of each: the words are told apart by jieba's dictionary (``word_edges``) and
by the service's vocabulary. Where two words of the service's vocabulary stand side by side (家属签证: 家属 family + 签证 visa) the pair
between them (属签) is half of each: it is found on unrelated pages, or nowhere, and it
counts as one of the words a page must hold. The vocabulary is the glossary's terms
(search/glossary.py) and the phrases of the synonym lists (search/synonyms/): the database
engine leaves such pairs out of what it looks for (search/engines/database.py ``concepts``),
and the remote engines receive the query with a space where the two words meet, which ends
a run of pairs there (``apart``).

Question and function words ("how do I", "apa", "كيف", 怎么办) are left out of what is
matched on both: a page rarely holds them, except the pages whose titles are questions,
which a question typed as people ask it would otherwise match on them alone
(``query_tokens``; ``matched`` for the remote engines), but not from a glossary term that
holds one ("extension of stay", "married to an Indonesian").
"""

import logging
import re
from functools import lru_cache

import jieba

from search import glossary, spelling
from search import index as index_defs
from search.text import (
    CHINESE_FUNCTION_CHARACTERS,
    CHINESE_FUNCTION_WORDS,
    CJK,
    CJK_RUN,
    FUNCTION_WORDS,
    SCRIPT_RUN,
    WORD,
    formal_of,
    pairs_between,
    phrase,
    query_words,
    spoken_spellings,
    words,
)

# A name typed whole is at most this many words (Jakarta Pusat, Nusa Tenggara Barat) or
# jieba's words (中 雅加达): longer runs of a query are never a place's name.
MAX_NAME_WORDS = 3
# Places are read from a query's first this many words: a long question names its place early.
MAX_NAME_TOKENS = 16
# Generic words Chinese writes after a place's name (巴厘岛 Bali island, 东爪哇省 East Java
# province, 泗水市 Surabaya city); the name is also read without them, as offices' pages
# write it (巴厘). 群岛 (islands) is part of the name (廖内群岛, Riau Islands).
CHINESE_PLACE_WORDS = ("岛", "省", "市", "县")
CHINESE_PLACE_NAMES_KEPT = ("群岛",)

# jieba announces loading its dictionary (once per process, half a second) at INFO level.
jieba.setLogLevel(logging.WARNING)


def synonym_groups(language):
    """The synonym rules of a language (and the Indonesian ones, whose cross-language half
    reaches untranslated pages) as groups of phrases, each phrase its words joined by spaces.
    Read again when a list changes (``search_index synonyms`` needs no restart)."""
    names = {language, glossary.FALLBACK}
    stamp = tuple(
        (path.name, path.stat().st_mtime_ns)
        for path in sorted(index_defs.SYNONYMS_DIR.glob("*.txt"))
        if path.stem in names
    )
    return _synonym_groups(language, stamp)


@lru_cache(maxsize=16)
def _synonym_groups(language, stamp):
    rules = index_defs.synonym_rules(language)
    if language != glossary.FALLBACK:
        rules = rules + index_defs.synonym_rules(glossary.FALLBACK)
    groups = []
    for rule in rules:
        phrases = [" ".join(words(phrase)) for phrase in re.split(r",|=>", rule)]
        groups.append([phrase for phrase in phrases if phrase])
    return groups


def known_spans(tokens, language, named=None):
    """The (start, end) runs of ``tokens`` (search.text.words) that are glossary terms
    (``named``: glossary.matches of the same tokens) or Chinese phrases of the synonym lists."""
    named = glossary.matches(tokens, language) if named is None else named
    spans = {(match.start, match.end) for match in named}
    joined = f" {' '.join(tokens)} "
    if CJK.search(joined):
        for group in synonym_groups(language):
            for term in group:
                if CJK.search(term) and f" {term} " in joined:
                    size = len(term.split())
                    spans.update(
                        (index, index + size)
                        for index in range(len(tokens) - size + 1)
                        if " ".join(tokens[index : index + size]) == term
                    )
    return sorted(spans)


@lru_cache(maxsize=1024)
def chinese_tokens(run):
    """jieba's words of a run of Chinese characters, as (word, start, end), by its dictionary
    alone (no guessing of unknown words); cut once per run, though a query asks twice
    (``word_edges``, ``chinese_words``)."""
    return tuple(jieba.tokenize(run, HMM=False))


def word_edges(run):
    """Where the words of a run of Chinese characters meet, as offsets of the character after
    each meeting, by jieba's dictionary: the pairs across them (婚后 in 结婚后, 后能 in 后能在)
    are half of each word, found on unrelated pages or nowhere. Two single characters that
    are not function characters (户照 in a misspelt 户照 for 护照) are left together: they may
    be one mistyped word, which the engines' fuzziness and "did you mean" can still mend."""
    found, previous = set(), ""
    for word, start, _end in chinese_tokens(run):
        if previous and (
            len(previous) > 1
            or len(word) > 1
            or previous in CHINESE_FUNCTION_CHARACTERS
            or word in CHINESE_FUNCTION_CHARACTERS
        ):
            found.add(start)
        previous = word
    return found


def chinese_runs(tokens):
    """(start, end) of each run of Chinese character pairs among ``tokens`` (search.text.words)
    that chain into one written run (护照 照丢 丢了), with the run's characters."""
    index = 0
    while index < len(tokens):
        if not _pair(tokens[index]):
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and _pair(tokens[end]) and tokens[end][0] == tokens[end - 1][1]:
            end += 1
        yield index, end, tokens[index] + "".join(token[1] for token in tokens[index + 1 : end])
        index = end


def straddling(tokens):
    """The indices of the Chinese character pairs among ``tokens`` that straddle two words
    (``word_edges``)."""
    return {start + edge - 1 for start, _end, run in chinese_runs(tokens) for edge in word_edges(run)}


def halves(tokens, language, named=None):
    """The indexes of the Chinese pairs among a query's ``tokens`` that are half of two words:
    across two words of jieba's dictionary (``straddling``) or of the service's vocabulary
    (search.text.pairs_between; ``named`` as for ``known_spans``)."""
    return straddling(tokens) | pairs_between(tokens, known_spans(tokens, language, named))


def as_written(term):
    """A glossary term as search compares it (search.text.phrase) written again as pages write
    it, for fields that read text as written (the remote engines' ``exact`` sub-fields): its
    Chinese pairs joined into their run (滥用 用签 签证 -> 滥用签证), its other words in the
    spelling the glossary's terms use (search/glossary.py ``written``: تاشيره -> تأشيرة)."""
    tokens = term.split()
    runs = {start: (end, run) for start, end, run in chinese_runs(tokens)}
    out, index = [], 0
    while index < len(tokens):
        if index in runs:
            index, run = runs[index]
            out.append(run)
        else:
            out.append(glossary.written(tokens[index]))
            index += 1
    return " ".join(out)


def chinese_words(tokens):
    """(start, end) of the Chinese words of three characters or more among ``tokens``, as
    runs of pairs (巴厘岛: 巴厘 厘岛): one word, looked for as a whole, counted once."""
    found = []
    for start, _end, run in chinese_runs(tokens):
        for word, begin, end in chinese_tokens(run):
            if len(word) > 2:
                found.append((start + begin, start + end - 1))
    return found


def _pair(token):
    """Whether a token is a Chinese character pair (search.text.words)."""
    return len(token) == 2 and all(CJK.search(character) for character in token)


def apart(text, language):
    """``text`` with Chinese question words out and a space where two known Chinese words
    meet (家属签证 -> 家属 签证), for engines that cut Chinese into pairs themselves. Other
    text is left as typed; a query of question words only is returned whole."""
    if not CJK.search(text or ""):
        return text

    def run(match):
        chunk = match.group(0)
        tokens = words(chunk)
        if len(tokens) < 2:
            return chunk
        spans = known_spans(tokens, language)
        cuts = pairs_between(tokens, spans) & {end for _start, end in spans}
        cuts |= {edge - 1 for edge in word_edges(chunk)}
        # Pair ``index`` holds characters index and index + 1: the words meet between them.
        return "".join(character + (" " if index in cuts else "") for index, character in enumerate(chunk))

    without = CHINESE_FUNCTION_WORDS.sub(" ", text)
    if not words(without):
        return text
    return " ".join(CJK_RUN.sub(run, without).split())


def _in_terms(text, language):
    """The function words of ``text`` that are words of a glossary term it names."""
    tokens = words(CHINESE_FUNCTION_WORDS.sub(" ", text or ""))
    return frozenset(
        token
        for match in glossary.matches(tokens, language)
        for token in tokens[match.start : match.end]
        if token in FUNCTION_WORDS
    )


def query_tokens(text, language):
    """The words a query is matched on (search.text.query_words), keeping the function words
    of the glossary terms it names."""
    return query_words(text, keep=_in_terms(text, language))


def spoken_words(text, language):
    """{word: its written spelling} for the words of an Indonesian query typed as spoken that
    no page holds: the remote engines' Indonesian stemmer knows the formal prefixes and
    suffixes only (search.text.formal: "ngajuin" -> "mengajukan"), and their typo clause keeps
    a word's first letters and allows one change in short words, so "ilang" never reached
    "hilang" nor "temen" "teman" (search.text.spoken_spellings). A word some page holds
    ("nyaman", comfortable, is no spoken "menyaman") is left as typed; a spoken spelling is
    written again only as some page writes it."""
    tokens = dict.fromkeys(words(text))
    spelled = {token: formal for token in tokens if (formal := formal_of(token, language))}
    candidates = {
        token: found
        for token in tokens
        if token not in spelled and (found := spoken_spellings(token, language))
    }
    # Only the words that may be spoken are looked up, and their candidates only when no page
    # holds them as typed: a lookup each, on every remote search.
    if not spelled and not candidates:
        return {}
    held = spelling.present([*spelled, *candidates])
    unheld = {token: found for token, found in candidates.items() if token not in held}
    on_pages = (
        spelling.present({written for found in unheld.values() for written in found}) if unheld else set()
    )
    spoken = {token: formal for token, formal in spelled.items() if token not in held}
    for token, found in unheld.items():
        written = [candidate for candidate in found if candidate in on_pages]
        if written:
            spoken[token] = written[0]
    return spoken


def matched(text, language):
    """The query as the remote engines match it: without question and function words (unless
    nothing else is left, or they belong to a glossary term), with its Chinese words apart and
    its Indonesian words as spoken in their written spelling (``spoken_words``); other words as
    typed."""
    keep = _in_terms(text, language)
    spoken = spoken_words(text, language)

    def word(match):
        found = words(match.group(0))
        dropped = found and all(item in FUNCTION_WORDS and item not in keep for item in found)
        return " " if dropped else spoken.get(match.group(0).lower(), match.group(0))

    without = WORD.sub(word, text or "")
    if not words(CHINESE_FUNCTION_WORDS.sub(" ", without)):
        return text
    return " ".join(apart(without, language).split())


# A query naming a kind of page asks for pages of that kind ("visa application form",
# "护照申请表": the form, not the guide that says "visa" and "application" more often). The
# names as search.text.words reads them (Arabic normalised); Chinese ones as jieba's words.
KIND_NAMES = {
    "form": (
        "form forms formulir blanko استمارة استمارات نموذج نماذج",
        ("表", "表格", "申请表", "登记表", "报名表", "申报表"),
    ),
}
_KIND_WORDS = {kind: set(words(names)) | set(chinese) for kind, (names, chinese) in KIND_NAMES.items()}


def kinds_named(text):
    """The kinds of page a query names (``KIND_NAMES``)."""
    found = set(words(text)) | {
        word for run in CJK_RUN.findall(text) for word, _start, _end in chinese_tokens(run)
    }
    return {kind for kind, names in _KIND_WORDS.items() if found & names}


def named_whole(text):
    """What a query may name whole, as search.text.phrase writes it: runs of up to
    ``MAX_NAME_WORDS`` of its words ("bali", "jakarta pusat", "وسط جاكرتا") and of jieba's
    words in its Chinese (中雅加达), these also without a generic place word ending them
    (巴厘岛 -> 巴厘). The engines weigh up a document placed whole in one of them
    (SearchDocument.places): "Bali" is Denpasar's province, "Balikpapan" another city."""
    found = set()
    for chunk in SCRIPT_RUN.findall(text or ""):
        chinese = bool(CJK.search(chunk))
        parts = [word for word, _start, _end in chinese_tokens(chunk)] if chinese else words(chunk)
        parts = parts[:MAX_NAME_TOKENS]
        for start in range(len(parts)):
            for end in range(start + 1, min(start + MAX_NAME_WORDS, len(parts)) + 1):
                name = ("" if chinese else " ").join(parts[start:end])
                found.add(name)
                if (
                    chinese
                    and len(name) > 2
                    and name.endswith(CHINESE_PLACE_WORDS)
                    and not name.endswith(CHINESE_PLACE_NAMES_KEPT)
                ):
                    found.add(name[:-1])
    return {phrase(name) for name in found} - {""}
