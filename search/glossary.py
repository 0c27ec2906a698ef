"""The glossary as search uses it: which concepts a query names, and what else to look for.

Editors keep concepts in Wagtail (``Concept`` and its ``Term`` rows, search/models.py). A
query is read as a sequence of words (search/text.py); the longest run of words that is a
term of some concept, in any language and of any kind (misspellings included), names that
concept. Search then looks for the words as typed or any term of the concept, and of the
concepts it includes, in the reader's language and in Indonesian (the language of the
pages standing in for untranslated ones). That is query-time expansion: both engines use
it (the database engine as alternatives of one word, the remote engines as extra query
texts), so an edit takes effect at the next search, with no reindexing.

The glossary is read once per process and read again when it changes: every save bumps a
stamp in the shared cache (``changed``), which every process compares on each search.
"""

import uuid
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypinyin import Style, lazy_pinyin

from search.models import Concept, Term, language_name
from search.text import (
    ARABIC,
    ARABIC_LETTERS,
    CHINESE_FUNCTION_WORDS,
    CJK,
    arabic_core,
    phrase,
    stem,
    written_forms,
)
from search.text import words as words_of

FALLBACK = "id"
# An expansion beyond this many words is refused when saved: each word is one more
# alternative in every search naming the concept (and a sign of a mistaken "includes").
# 80: the stay permit concept, which includes KITAS, KITAP and ITK with their everyday
# names, holds 61 in English; a search reads at most MAX_ALTERNATIVES of them anyway.
MAX_EXPANSION_WORDS = 80
MAX_ALTERNATIVES = 16  # per concept named in a query, however the glossary grows
STAMP_KEY = "search:glossary:stamp"
# Misspellings lead to a concept but are never searched for: no page holds them.
SEARCHED_KINDS = {kind for kind, _label in Term.KINDS} - {"misspelling"}
# Languages whose terms also name their concept in another inflection of their words
# (``stem_of``): Indonesian builds a word's forms with affixes ("menahan paspor", "paspor
# ditahan" for "penahanan paspor"). English terms named by their stems ("extending" for
# "extension") lost relevant pages on both judgement lists: English is matched as written.
INFLECTED = ("id",)


@dataclass(frozen=True)
class Snapshot:
    phrases: dict  # phrase -> frozenset of concept ids (any language, any kind)
    terms: dict  # concept id -> {language: (phrase, ...)}, preferred first, no misspellings
    includes: dict  # concept id -> frozenset of concept ids it reaches, itself included
    longest: int  # words in the longest phrase
    written: dict  # word as compared -> as the terms write it (search.text.written_forms)
    stemmed: dict  # (language, phrase of stems) -> frozenset of concept ids (``stem_of``)

    def alternatives(self, concept_ids, language):
        """{language: phrases}: the terms of the concepts and of those they include."""
        found = {}
        for concept_id in sorted(concept_ids):
            for reached in sorted(self.includes.get(concept_id, {concept_id})):
                for code in dict.fromkeys((language, FALLBACK)):
                    found.setdefault(code, []).extend(self.terms.get(reached, {}).get(code, ()))
        return {code: list(dict.fromkeys(items)) for code, items in found.items()}

    # Derived once per snapshot (a snapshot lives until the glossary changes), not per query.

    @cached_property
    def chinese_terms(self):
        """The Chinese terms as written (their phrases hold them as character pairs)."""
        found = set()
        for key in self.phrases:
            pairs = key.split()
            # One run of pairs (a term recognised without its function words is several).
            if (
                pairs
                and all(CJK.search(pair) for pair in pairs)
                and all(before[-1] == after[0] for before, after in zip(pairs, pairs[1:], strict=False))
            ):
                found.add(pairs[0] + "".join(pair[-1] for pair in pairs[1:]))
        return frozenset(found)

    @cached_property
    def cores(self):
        """Arabic phrases by their words' cores (search.text.arabic_core) -> concept ids: a
        term typed with a joined preposition or pronoun ("بجواز سفري") still names its concept."""
        found = {}
        for key, concepts in self.phrases.items():
            if ARABIC_LETTERS.search(key):
                found.setdefault(core_of(key), set()).update(concepts)
        return {key: frozenset(value) for key, value in found.items()}

    @cached_property
    def known_words(self):
        """Every word of every term, misspellings included."""
        return frozenset(word for key in self.phrases for word in key.split())


@dataclass(frozen=True)
class Match:
    """A run of the query's words naming concepts, and what to search for instead."""

    start: int
    end: int
    typed: str
    concepts: frozenset
    by_language: dict  # {language: [phrase, ...]}

    @property
    def alternatives(self):
        every = [self.typed] + [item for items in self.by_language.values() for item in items]
        return list(dict.fromkeys(every))[:MAX_ALTERNATIVES]


def changed():
    """Called when a concept or a term is saved or deleted: every process reads it again."""
    cache.set(STAMP_KEY, uuid.uuid4().hex, timeout=None)


_loaded = {}


def snapshot():
    stamp = cache.get(STAMP_KEY)
    if stamp is None:
        cache.add(STAMP_KEY, uuid.uuid4().hex, timeout=None)
        stamp = cache.get(STAMP_KEY)
    if stamp not in _loaded:
        _loaded.clear()
        _loaded[stamp] = load()
    return _loaded[stamp]


def load():
    phrases, terms, stemmed = {}, {}, {}
    rows = list(
        Term.objects.order_by("concept_id", "sort_order", "pk").values_list(
            "concept_id", "language", "text", "kind"
        )
    )
    for concept_id, language, text, kind in rows:
        words = phrase(text)
        if not words:
            continue
        phrases.setdefault(recognised(text) or words, set()).add(concept_id)
        if language in INFLECTED and words.isascii():
            stemmed.setdefault((language, stem_of(words, language)), set()).add(concept_id)
        if kind in SEARCHED_KINDS:
            listed = terms.setdefault(concept_id, {}).setdefault(language, [])
            if kind == Term.PREFERRED:
                listed.insert(0, words)
            else:
                listed.append(words)
    edges = {}
    for parent, child in Concept.includes.through.objects.values_list("from_concept_id", "to_concept_id"):
        edges.setdefault(parent, set()).add(child)
    includes = {concept_id: frozenset(reach(concept_id, edges)) for concept_id in terms}
    return Snapshot(
        phrases={key: frozenset(value) for key, value in phrases.items()},
        terms={key: {code: tuple(items) for code, items in value.items()} for key, value in terms.items()},
        includes=includes,
        longest=max((len(key.split()) for key in phrases), default=0),
        written=written_forms(text for _concept, _language, text, _kind in rows),
        stemmed={key: frozenset(value) for key, value in stemmed.items()},
    )


def recognised(text):
    """A term as a query naming it reads (search.text.query_words): without the Chinese
    function words a query never keeps (我的 in 扣了我的护照, "my passport withheld"), which
    would otherwise keep the term from ever being named."""
    return phrase(CHINESE_FUNCTION_WORDS.sub(" ", text))


def reach(start, edges):
    """Every concept reachable from ``start`` through ``includes``, ``start`` included."""
    seen, todo = {start}, [start]
    while todo:
        for child in edges.get(todo.pop(), ()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def core_of(words):
    """A phrase with each Arabic word reduced to its core (search.text.arabic_core)."""
    return " ".join(arabic_core(word) for word in words.split())


def matches(tokens, language, glossary=None):
    """The concepts named in a query's words (search.text.words): the terms covering most of
    its words, the fewest terms for as many words (a longer term over its parts). Overlapping
    terms do not swallow each other: "perpanjang visa on arrival" names the extension and the
    visa on arrival, not "perpanjang visa" alone. A run of Arabic words names a concept as
    typed or, failing that, by its words' cores."""
    glossary = glossary or snapshot()
    count = len(tokens)
    # best[index]: (words covered, -terms used, (length, concepts) of the first term or None)
    # for the query from ``index`` on, worked out from the end.
    best = [(0, 0, None)] * (count + 1)
    for index in range(count - 1, -1, -1):
        # Terms starting here, longest first, then none: the first of equals is kept, so a
        # tie goes to the longer term and to the term read first.
        choices = []
        for length in range(min(glossary.longest, count - index), 0, -1):
            concepts = _named(" ".join(tokens[index : index + length]), glossary)
            if concepts:
                covered, used, _step = best[index + length]
                choices.append((covered + length, used - 1, (length, concepts)))
        covered, used, _step = best[index + 1]
        choices.append((covered, used, None))
        best[index] = max(choices, key=lambda choice: choice[:2])
    found, index = [], 0
    while index < count:
        step = best[index][2]
        if step is None:
            index += 1
            continue
        length, concepts = step
        typed = " ".join(tokens[index : index + length])
        found.append(Match(index, index + length, typed, concepts, glossary.alternatives(concepts, language)))
        index += length
    return found


def _named(typed, glossary):
    """The concepts a run of words names: as typed, else by its words' cores (Arabic) or
    stems (the terms of the ``INFLECTED`` languages, ``stem_of``)."""
    concepts = glossary.phrases.get(typed)
    if not concepts and ARABIC_LETTERS.search(typed):
        concepts = glossary.cores.get(core_of(typed))
    if not concepts and typed.isascii():
        concepts = frozenset().union(
            *(glossary.stemmed.get((language, stem_of(typed, language)), ()) for language in INFLECTED)
        )
    return concepts


def stem_of(words, language):
    """A phrase with each word reduced to its stem in ``language`` (search.text.stem): the
    same for "penahanan paspor" and "menahan paspor". Compared only with the stems of the
    terms of the same language."""
    return " ".join(stem(word, language) or word for word in words.split())


def written(word):
    """A glossary word (as compared) as its terms write it."""
    return snapshot().written.get(word, word)


def known_words():
    """Every word of every term (misspellings included): words "did you mean" never replaces."""
    return snapshot().known_words


# --- validation -----------------------------------------------------------------


def validate(concept_id, terms, includes):
    """Refuse a concept that search could not use as it is; the reasons name what to change.

    ``terms`` are (language, text, kind) as edited, ``includes`` the ids of the concepts it
    includes. A term may belong to one concept per language; "includes" may not lead back
    to the concept; and no concept's expansion (its terms and those of the concepts it
    reaches, in one language and Indonesian) may exceed ``MAX_EXPANSION_WORDS`` words.
    """
    errors = []
    seen = set()
    preferred = set()
    for language, text, kind in terms:
        words = phrase(text)
        if not words:
            errors.append(_("“%(term)s” holds no word search could match.") % {"term": text})
            continue
        if (language, words) in seen:
            errors.append(_("“%(term)s” is listed twice.") % {"term": text})
        seen.add((language, words))
        if kind == Term.PREFERRED:
            if language in preferred:
                errors.append(_("Only one preferred term per language."))
            preferred.add(language)
    if FALLBACK not in preferred:
        errors.append(_("A concept needs a preferred term in Bahasa Indonesia."))
    errors += _clashes(concept_id, seen)
    edges = _edges(concept_id, includes)
    if concept_id is not None:
        for child in includes:
            if concept_id in reach(child, edges):
                errors.append(
                    _("“Includes” would lead back to this concept through “%(name)s”: a cycle.")
                    % {"name": _name(child)}
                )
    if not errors:
        errors += _too_wide(concept_id, terms, edges)
    if errors:
        raise ValidationError(errors)


def _clashes(concept_id, seen):
    """Terms that already name another concept in the same language."""
    others = Term.objects.exclude(concept_id=concept_id) if concept_id else Term.objects.all()
    wanted = {words for _language, words in seen}
    clashes = []
    for other_id, language, text in others.values_list("concept_id", "language", "text"):
        words = phrase(text)
        if words in wanted and (language, words) in seen:
            clashes.append(
                _("“%(term)s” is already a term of “%(name)s” in this language.")
                % {"term": text, "name": _name(other_id)}
            )
    return clashes


def _edges(concept_id, includes):
    edges = {}
    for parent, child in Concept.includes.through.objects.values_list("from_concept_id", "to_concept_id"):
        if parent != concept_id:
            edges.setdefault(parent, set()).add(child)
    edges[concept_id] = set(includes)
    return edges


def word_count(text):
    """How many words a term adds to a search: Chinese, cut into overlapping character pairs,
    is looked up as one run, so "永久居留许可" (five pairs) counts one word, as "KITAP" does."""
    count, in_chinese = 0, False
    for word in phrase(text).split():
        chinese = bool(CJK.search(word))
        count += not (chinese and in_chinese)
        in_chinese = chinese
    return count


def _too_wide(concept_id, terms, edges):
    """Concepts (this one and those including it) whose expansion would hold too many words."""
    words_of = {}
    for other_id, language, text, kind in Term.objects.exclude(concept_id=concept_id).values_list(
        "concept_id", "language", "text", "kind"
    ):
        if kind in SEARCHED_KINDS:
            words_of.setdefault(other_id, []).append((language, word_count(text)))
    words_of[concept_id] = [
        (language, word_count(text)) for language, text, kind in terms if kind in SEARCHED_KINDS
    ]
    affected = [concept_id] + [
        parent for parent in edges if parent != concept_id and concept_id in reach(parent, edges)
    ]
    for parent in affected:
        reached = reach(parent, edges)
        for language in sorted({language for items in words_of.values() for language, _count in items}):
            count = sum(
                number
                for reached_id in reached
                for code, number in words_of.get(reached_id, [])
                if code in (language, FALLBACK)
            )
            if count > MAX_EXPANSION_WORDS:
                name = _("this concept") if parent == concept_id else f"“{_name(parent)}”"
                return [
                    _(
                        "A search for %(name)s would look for %(count)d words in %(language)s; "
                        "at most %(limit)d are allowed. Remove terms or narrower concepts."
                    )
                    % {
                        "name": name,
                        "count": count,
                        "language": language_name(language),
                        "limit": MAX_EXPANSION_WORDS,
                    }
                ]
    return []


def _name(concept_id):
    concept = Concept.objects.filter(pk=concept_id).prefetch_related("terms").first()
    return str(concept) if concept else str(concept_id)


def variants(tokens, language, limit=6, halves=frozenset(), named=None):
    """The query rewritten with the glossary's terms, for engines that take whole texts.

    ``tokens`` are the query's words (search.text.words, or a text to cut into them);
    ``halves`` the indexes of those that stand for no word (Chinese pairs across two words,
    search/segment.py ``halves``), left out of the rewritten texts unless inside a term. First
    every named concept replaced by its preferred term in the reader's language, then in
    Indonesian (a page using the official words for all of them), then one concept at a
    time by each of its other terms, but for a term inside one already taken (永久居留 in
    永久居留证): every page holding the longer holds it, so it would only count the same words
    again. At most ``limit`` texts, none equal to the query.
    The Indonesian text leaves out the other words in a script Indonesian does not use
    (Arabic, Chinese): no Indonesian page holds them, yet each would count among the words a
    page must hold. ``named``: glossary.matches of the same tokens, when the caller has them.
    """
    if isinstance(tokens, str):
        tokens = words_of(tokens)
    named = matches(tokens, language) if named is None else named
    if not named:
        return []

    def rewritten(choice, code=language):
        def kept(start, end):
            return [
                token
                for index, token in enumerate(tokens[start:end], start)
                if index not in halves and (code == language or not _foreign_script(token))
            ]

        out, index = [], 0
        for match in named:
            out += kept(index, match.start) + [choice.get(match.start, match.typed)]
            index = match.end
        return " ".join(out + kept(index, len(tokens)))

    found = [
        rewritten({match.start: (match.by_language.get(code) or [match.typed])[0] for match in named}, code)
        for code in dict.fromkeys((language, FALLBACK))
    ]
    for match in named:
        taken = [match.alternatives[0]]
        for alternative in match.alternatives[1:]:
            if not any(_inside(alternative, longer) for longer in taken):
                taken.append(alternative)
                found.append(rewritten({match.start: alternative}))
    typed = rewritten({})
    return [item for item in dict.fromkeys(found) if item != typed][:limit]


def _inside(term, longer):
    """Whether ``term``'s words are a run of ``longer``'s (both as compared, words apart)."""
    return f" {term} " in f" {longer} "


def _foreign_script(word):
    """Whether a word is written in a script Indonesian does not use."""
    return bool(CJK.search(word) or ARABIC_LETTERS.search(word))


@dataclass(frozen=True)
class Entry:
    """A concept as the public glossary page shows it in one language."""

    key: str
    term: str
    definition: str
    other_terms: list
    indonesian: str  # the Indonesian preferred term, when the page is in another language
    see_also: list  # [(key, term)]


def entries(language):
    """The glossary in ``language``, alphabetical; Indonesian terms stand in for missing ones."""
    concepts = Concept.objects.prefetch_related("terms", "see_also__terms")
    found = []
    for concept in concepts:
        terms = list(concept.terms.all())
        own = [term.text for term in terms if term.language == language and term.kind in SEARCHED_KINDS]
        preferred = concept.preferred(language)
        indonesian = concept.preferred(FALLBACK)
        found.append(
            Entry(
                key=concept.key,
                term=preferred,
                definition=concept.definition or "",
                other_terms=[text for text in dict.fromkeys(own) if text != preferred],
                indonesian=indonesian if language != FALLBACK and indonesian != preferred else "",
                see_also=[(other.key, other.preferred(language)) for other in concept.see_also.all()],
            )
        )
    return sorted(found, key=lambda entry: (sort_key(entry.term, language), entry.term))


ARABIC_ARTICLE = "ال"


def sort_key(term, language):
    """Where a term goes in an alphabetical list as its readers look it up: Chinese by its sound
    in pinyin (as dictionaries order it; code points follow no order a reader knows), Arabic
    without its article and with the hamza's seats as their letter (التأشيرة under ت, أ with ا),
    other languages by their letters, case aside."""
    if language == "zh-hans":
        return " ".join(lazy_pinyin(term, style=Style.TONE3)).casefold()
    if language == "ar":
        words = term.translate(ARABIC).split()
        return " ".join(word.removeprefix(ARABIC_ARTICLE) if len(word) > 3 else word for word in words)
    return term.casefold()
