"""The embedded database engine: no server, works on SQLite and PostgreSQL alike.

Candidates are found through the full-text index (entries holding any of the query's
words or their synonyms, those holding the most first), then ranked in Python with the same
signals as the remote engines: how many of the words an entry holds and how
rare they are, where they occur (title over summary over body), the kind of
page and how recent it is. The synonym lists of search/synonyms/ serve it too,
cross-language rules included. It is meant for a machine with no search server
and as the fallback when that server is down. Words are matched inside longer
ones (substrings), with their Snowball stems (search/text.py), through a
full-text index (search/fulltext.py).
"""

import re
from collections import Counter, defaultdict, namedtuple
from datetime import timedelta
from functools import reduce
from itertools import islice
from operator import or_

from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Length
from django.utils import timezone

from search import glossary, segment
from search.fulltext import count, holders, occurs
from search.models import SearchEntry
from search.suggest import suggest_words, with_article
from search.text import (
    CJK,
    FUNCTION_WORDS,
    formal_of,
    names_text,
    phrase,
    spoken_spellings,
    stem,
    whole_names,
    words,
)

from .base import (
    FALLBACK_LANGUAGE,
    KIND_BOOSTS,
    KIND_NAMED_WEIGHT,
    MARK_END,
    MARK_START,
    PAST_EVENT_WEIGHT,
    SUGGEST_KINDS,
    WHOLE_NAME_WEIGHT,
    Hit,
    SearchEngine,
    SearchResults,
    mark_snippet,
    rarity,
    snippet_bounds,
)

MAX_TERMS = 8
# Entries ranked in Python per search: those holding the most of the query's words are taken
# first (``_candidates``), so the cap only drops entries with fewer of them. 2,000 made a
# search at 10,000 entries cost ~230 ms (p95); 600 keeps it near 100 ms.
MAX_CANDIDATES = 600
# Candidates checked against the reader's languages per query (a bound list of keys).
CANDIDATE_CHUNK = 1000
# Indonesian terms a word of a longer glossary term carries (concepts).
MAX_WITHIN = 4
# How much more a page weighs whose title is just what was asked (title_fit).
TITLE_FIT_WEIGHT = 2.0
# A concept the glossary names is what the question is about ("صاحب العمل يحتجز جواز سفري" asks
# about passport withholding, not about employers or passports): it weighs this many times its
# rarity, as it weighs more for the relevance floor (search/coverage.py DOMAIN_WEIGHT). Measured
# (bench/search_quality.py): tuned .837 -> .841, unseen .836 -> .844 (1.5 and 3 gained less).
NAMED_CONCEPT_WEIGHT = 2.0
SNIPPET_LENGTH = 220
TOTAL_SECONDS = 600
# What ranking, filters and facets read of each candidate (not the body, not the display fields).
RANKED_FIELDS = (
    "pk",
    "kind",
    "topics",
    "audience",
    "updated",
    "event_start",
    "boost",
    "search_text",
    "title_words",
    "names_words",
    "place_names",
    "summary_words",
)
# A candidate as ranking reads it: those fields' values, not a model instance (building 600
# instances was a third of reading them: bench/search.py, 50,000 entries).
Candidate = namedtuple("Candidate", RANKED_FIELDS)


def concepts(text, language):
    """The query's words as concepts, in the query's order, each a list of strings any of which
    counts as it: a run of words naming a glossary concept with its terms (search/glossary.py),
    a phrase of the synonym lists with its equivalents ("kitas" or "izin tinggal terbatas"),
    or a word."""
    return concepts_and_named(text, language)[0]


def concepts_and_named(text, language):
    """``concepts``, with the glossary's matches among the query's words that they came from
    (the search weighs the concepts named): the query is cut and matched once."""
    tokens = segment.query_tokens(text, language)
    named = glossary.matches(tokens, language)
    # A term of one word stands for its concept; the words of a longer term also count one by
    # one, since a page may use them apart ("paspor ... hilang") and still answer.
    one_word_terms = {match.start for match in named if match.end - match.start == 1}
    result = [(match.start, match.alternatives) for match in named]
    rest = {}
    for index, token in enumerate(tokens):
        # A function word is among the tokens only as a word of a term ("extension of stay").
        if index not in one_word_terms and (token not in FUNCTION_WORDS or not named):
            rest.setdefault(token, index)
    found = list(rest)[: max(0, MAX_TERMS - len(result))]
    in_phrases = set()
    joined = f" {' '.join(found)} "
    # A phrase of the synonym lists that is the very term the glossary named, with no
    # equivalent the glossary does not already bring, is the same concept: not counted twice.
    named_as = {match.typed: set(options) for (_start, options), match in zip(result, named, strict=True)}
    for group in segment.synonym_groups(language):
        for term in group:
            if term and f" {term} " in joined and not set(term.split()) <= in_phrases:
                in_phrases.update(term.split())
                if not set(group) <= named_as.get(term, set()):
                    result.append((rest[term.split()[0]], list(dict.fromkeys([term, *group]))))
                break
    between = segment.halves(tokens, language, named)
    # A word of a longer term is also held by a page holding the term's concept in other words:
    # an Indonesian page standing in for an untranslated one never holds "الخروج" of
    # "الخروج النهائي", yet answers it through "exit permit only"; nor does any page hold "biru"
    # of an everyday term "kartu biru" an editor adds for KITAS, on the Indonesian site too.
    # Only the Indonesian terms: the stand-in pages are Indonesian, and each term more is one
    # more string to look up (all of them doubled a search's time with the demo glossary).
    within = {
        index: match.by_language.get(FALLBACK_LANGUAGE, [])[:MAX_WITHIN]
        for match in named
        for index in range(match.start, match.end)
    }
    # A Chinese word of three characters or more is one word, not two or more pairs.
    grouped = [(start, end) for start, end in segment.chinese_words(tokens) if start not in one_word_terms]
    in_words = {index for start, end in grouped for index in range(start, end)}
    result += [(start, [" ".join(tokens[start:end]), *within.get(start, ())]) for start, end in grouped]
    result += [
        (
            rest[word],
            [
                word,
                *filter(None, [formal_of(word, language), stem(word, language)]),
                *spoken_spellings(word, language),
                *within.get(rest[word], ()),
            ],
        )
        for word in found
        if word not in in_phrases and rest[word] not in between and rest[word] not in in_words
    ]
    ordered = [_without_longer(options) for _position, options in sorted(result, key=lambda item: item[0])]
    return ordered[:MAX_TERMS], named


def _without_longer(options):
    """The alternatives without those holding another one ("limited stay permit" holds "stay
    permit", "kitas" holds "itas"): a text holding the longer holds the shorter, which counts
    at least as often, so matching and ranking are the same, with fewer strings to look up
    (a concept of the glossary brings up to 16). The typed word stays first. Strings of two
    characters count at the start or end of a word only (search/fulltext.py): they prune
    nothing."""
    typed, *alternatives = options
    shorter = [option for option in options if len(option) > 2]
    return [typed] + [
        option for option in alternatives if not any(other != option and other in option for other in shorter)
    ]


def title_fit(title, concepts):
    """The share of a title's words that are the query's (or an inflection of one): 1 for a
    page named after what was asked ("visa", "stay permits", "签证"), the page a reader typing
    only that name is looking for, less for a long title that merely holds it somewhere (a
    regulation's full name). Function words do not count. The remote engines weigh up the titles
    of which it is 1 (search/engines/remote.py ``named_after``)."""
    asked = {word for options in concepts for option in options for word in option.split()}
    named = [word for word in title.split() if word not in FUNCTION_WORDS]
    if not named:
        return 0.0
    fitting = sum(
        any(
            word == other or (len(other) > 2 and other in word and len(word) - len(other) <= 3)
            for other in asked
        )
        for word in named
    )
    return fitting / len(named)


def search_text(document):
    parts = [
        document.title,
        document.summary,
        document.body,
        " ".join(document.topic_titles),
        " ".join(document.related),
        " ".join(document.names),
    ]
    return " ".join(" ".join(words(part)) for part in parts)


def snippet(text, terms):
    """A fragment of ``text`` around the first matching term, with matches marked, cut between
    words (base.snippet_bounds)."""
    lowered = text.lower()
    positions = [lowered.find(term) for term in terms if term in lowered]
    start = max(0, min(positions) - 60) if positions else 0
    start, end = snippet_bounds(text, start, start + SNIPPET_LENGTH)
    fragment = text[start:end]
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.I)
    marked = (
        pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_END}", fragment) if terms else fragment
    )
    prefix = "… " if text[:start].strip() else ""
    suffix = " …" if text[end:].strip() else ""
    return mark_snippet(marked, prefix, suffix)


def covered(language, upcoming_only=False):
    """The entries a reader's search covers: those in the reader's language, plus Indonesian
    ones not translated into it (read from the index search_entry_coverage alone)."""
    entries = SearchEntry.objects.filter(language=language)
    if language != FALLBACK_LANGUAGE:
        fallback = SearchEntry.objects.filter(language=FALLBACK_LANGUAGE).exclude(
            available_languages__contains=f",{language},"
        )
        entries = entries | fallback
    if upcoming_only:
        entries = entries.filter(event_start__gte=timezone.now())
    return entries


def covered_total(language, upcoming_only=False):
    """How many entries a reader's search covers, for the words' weights: counted once in a
    while (``TOTAL_SECONDS``), since a weight hardly moves with a few more pages."""
    key = f"search:db-total:{language}:{int(upcoming_only)}"
    total = cache.get(key)
    if total is None:
        total = covered(language, upcoming_only).count()
        cache.set(key, total, TOTAL_SECONDS)
    return total


class DatabaseEngine(SearchEngine):
    name = "database"

    # --- writing --------------------------------------------------------------

    def index(self, documents):
        for document in documents:
            with transaction.atomic():
                current = (
                    SearchEntry.objects.select_for_update()
                    .filter(source=document.source, object_id=document.object_id, language=document.language)
                    .first()
                )
                if current and current.version > document.version:
                    continue  # a newer update already landed
                values = {
                    "kind": document.kind,
                    "title": document.title[:500],
                    "title_language": document.title_language,
                    "summary": document.summary,
                    "body": document.body,
                    "topics": document.topics,
                    "topic_titles": document.topic_titles,
                    "audience": document.audience,
                    "available_languages": "," + ",".join(document.available_languages) + ",",
                    "url": document.url,
                    "published": document.published,
                    "updated": document.updated,
                    "event_start": document.event_start,
                    "status": document.status,
                    "boost": document.boost,
                    "version": document.version,
                    "search_text": search_text(document),
                    "title_words": phrase(document.title),
                    "names_words": phrase(" ".join(document.names)),
                    "place_names": names_text(document.places),
                    "summary_words": phrase(document.summary),
                    "suggest_words": suggest_words(document.title),
                }
                SearchEntry.objects.update_or_create(
                    source=document.source,
                    object_id=document.object_id,
                    language=document.language,
                    defaults=values,
                )

    def delete(self, source, object_id, version, keep_languages=()):
        SearchEntry.objects.filter(source=source, object_id=object_id, version__lte=version).exclude(
            language__in=keep_languages
        ).delete()

    def rebuild(self, documents):
        """Replace the whole index in one transaction: readers see the old or the new, never empty."""
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            for document in documents:
                self.index([document])

    def indexed_versions(self, language):
        rows = SearchEntry.objects.filter(language=language).values_list("source", "object_id", "version")
        return {f"{source}:{object_id}": version for source, object_id, version in rows}

    # --- reading --------------------------------------------------------------

    def _base(self, query):
        return covered(query.language, query.upcoming_only)

    def _candidates(self, query, concepts):
        """Entries holding any of the words (or a synonym), those holding the most first (they
        are ranked in Python, by how many and how rare). A one-letter word ("I", "a") is in
        every text as a substring: it finds nothing on its own. The words are looked up in the
        full-text index (search/fulltext.py), not by reading every entry, each string once, and
        counted here; only the entries holding the most are checked against the reader's
        languages, a chunk at a time, since most searches need the first chunk alone."""
        telling = [options for options in concepts if len(options[0]) > 1 or CJK.search(options[0])]
        if not telling:
            return []
        found = holders([option for options in telling for option in options], SearchEntry.objects)
        matched = Counter()
        for options in telling:
            matched.update(set().union(*(found[option] for option in options)))
        # By how many words they hold (a handful of values), not one sort of every entry found.
        by_count = defaultdict(list)
        for pk, times in matched.items():
            by_count[times].append(pk)
        most_first = (pk for times in sorted(by_count, reverse=True) for pk in sorted(by_count[times]))
        base, chosen = self._base(query), []
        while len(chosen) < MAX_CANDIDATES:
            chunk = list(islice(most_first, CANDIDATE_CHUNK))
            if not chunk:
                break
            covered_here = set(base.filter(pk__in=chunk).values_list("pk", flat=True))
            chosen += [pk for pk in chunk if pk in covered_here]
        # Read with only what ranking and the facets need; the page shown is read in full.
        rows = SearchEntry.objects.filter(pk__in=chosen[:MAX_CANDIDATES]).values_list(*RANKED_FIELDS)
        return [Candidate(*row) for row in rows]

    @staticmethod
    def _weights(candidates, concepts, total, named=frozenset()):
        """How much each word tells: words found in few entries weigh more (inverse document
        frequency, counted among the candidates: every entry with any of the words, up to
        MAX_CANDIDATES, beyond which common words are undercounted and weigh a little more).
        The concepts the glossary names (``named``: as typed) weigh NAMED_CONCEPT_WEIGHT times more."""
        weights = []
        for options in concepts:
            frequency = sum(
                1 for entry in candidates if any(occurs(option, entry.search_text) for option in options)
            )
            weights.append(rarity(total, frequency) * (NAMED_CONCEPT_WEIGHT if options[0] in named else 1.0))
        return weights

    @staticmethod
    def _score(entry, concepts, now, weights=None, kinds_named=(), names=frozenset()):
        # Words as in search_text (Chinese in pairs), so that a phrase of the synonym lists is found.
        title, summary = entry.title_words, entry.summary_words
        weights = weights or [1.0] * len(concepts)
        score, found, in_title = 0.0, 0, 0
        for options, weight in zip(concepts, weights, strict=True):
            best, held, titled = 0, False, False
            for option in options:
                in_text = count(option, entry.search_text)
                if not in_text:  # the title and summary are part of search_text: not there either
                    continue
                # The names it is also known by (its Indonesian title, an office's city and
                # province in every language) count as its title, once: they repeat each other.
                in_this_title = count(option, title) or min(1, count(option, entry.names_words))
                # A word whole in the title over one inside a longer word ("visa" in
                # "visanya", "بالي" Bali in "باليكبابان" Balikpapan).
                whole = min(in_this_title, f" {title} {entry.names_words} ".count(f" {option} "))
                best = max(
                    best, 6 * in_this_title + 3 * whole + 3 * count(option, summary) + min(in_text, 10)
                )
                held, titled = True, titled or in_this_title > 0
            score += weight * best
            found += held
            in_title += titled
        # Pages holding more of the query's words first (matters when any word was enough).
        score *= found / len(concepts)
        if in_title == len(concepts):  # every word asked is in the title; the more of it they are, the better
            score *= 1.5 * (1 + TITLE_FIT_WEIGHT * title_fit(title, concepts) ** 2)
        score *= KIND_BOOSTS.get(entry.kind, 1.0) * (entry.boost or 1.0)
        if entry.kind in kinds_named:
            score *= KIND_NAMED_WEIGHT
        if names and entry.place_names and names & whole_names(entry.place_names):
            score *= WHOLE_NAME_WEIGHT
        if entry.updated and now - entry.updated < timedelta(days=365):
            score *= 1.1
        if entry.event_start and entry.event_start < now:
            score *= PAST_EVENT_WEIGHT
        return score

    @staticmethod
    def _facets(entries):
        counts = {"kind": Counter(), "topics": Counter(), "audience": Counter()}
        for entry in entries:
            counts["kind"][entry.kind] += 1
            counts["topics"].update(entry.topics)
            counts["audience"].update(entry.audience)
        return {name: counter.most_common() for name, counter in counts.items()}

    @staticmethod
    def _filtered(entries, query):
        def keep(entry):
            return (
                (not query.kinds or entry.kind in query.kinds)
                and (not query.topics or set(query.topics) & set(entry.topics))
                and (not query.audiences or set(query.audiences) & set(entry.audience))
            )

        return [entry for entry in entries if keep(entry)]

    def search(self, query):
        # No fuzzy matching of its own: a word no page holds that is a typo of a word some page
        # or the glossary holds ("unhrc", "kitass", 户照 for 护照) is searched as meant when the
        # correction answers clearly better (search/answer.py).
        meant, named_matches = concepts_and_named(query.text, query.language)
        candidates = self._candidates(query, meant)
        facets = self._facets(candidates)
        matching = self._filtered(candidates, query)
        now = timezone.now()
        named_concepts = {match.typed for match in named_matches}
        weights = (
            self._weights(
                candidates, meant, covered_total(query.language, query.upcoming_only), named_concepts
            )
            if meant
            else []
        )
        named = segment.kinds_named(query.text)
        names = segment.named_whole(query.text)
        ranked = sorted(
            matching,
            key=lambda entry: self._score(entry, meant, now, weights, named, names),
            reverse=True,
        )
        marked = [option for options in meant for option in options]
        on_page = [entry.pk for entry in ranked[query.offset : query.offset + query.per_page]]
        shown = SearchEntry.objects.in_bulk(on_page)
        page = [shown[pk] for pk in on_page if pk in shown]  # unless removed meanwhile
        hits = [
            Hit(
                title=entry.title,
                url=entry.url,
                kind=entry.kind,
                language=entry.language,
                snippet=snippet(entry.summary + " " + entry.body, marked),
                summary=entry.summary,
                topics=entry.topics,
                updated=entry.updated,
                title_language=entry.title_language,
            )
            for entry in page
        ]
        return SearchResults(query, hits, len(ranked), facets, engine=self.name)

    def autocomplete(self, text, language, limit=8):
        """Titles holding the typed words, the last one as the start of a word (Chinese, written
        without spaces, anywhere), among the entries a search covers: Indonesian pages not
        translated into the reader's language too, as the results list them. Ranked in the
        query, not in Python (it runs at every keystroke): by the tiers of SUGGEST_KINDS, then
        titles starting with the typed text, then those in which it starts a word (a Chinese
        word as jieba cuts it, ``suggest_words``: 护 starts 护照, not 庇护者), then the shortest.
        Titles are matched by their words as search cuts them (``title_words``: lower-cased,
        Arabic normalised), as the typed words are."""
        terms = words(text)[:MAX_TERMS]
        if not terms:
            return []
        entries = covered(language)
        for term in terms[:-1]:
            entries = entries.filter(title_words__contains=term)
        last = terms[-1]
        if CJK.search(last):
            entries = entries.filter(title_words__contains=last)
        else:
            entries = entries.filter(self._word_starts("title_words", with_article(last)))
        tier = Case(
            *(When(kind__in=kinds, then=Value(position)) for position, kinds in enumerate(SUGGEST_KINDS)),
            default=Value(len(SUGGEST_KINDS)),
        )
        typed = with_article(suggest_words(text))
        start = Case(
            When(self._starts("suggest_words", typed), then=Value(0)),
            When(self._word_starts("suggest_words", typed), then=Value(1)),
            default=Value(2),
        )
        entries = entries.annotate(tier=tier, start=start, length=Length("title"))
        ranked = entries.order_by("tier", "start", "length", "title")
        return [{"title": title, "url": url} for title, url in ranked.values_list("title", "url")[:limit]]

    @staticmethod
    def _starts(field, forms):
        """Entries whose ``field`` starts with one of ``forms``."""
        return reduce(or_, (Q(**{f"{field}__startswith": form}) for form in forms))

    @classmethod
    def _word_starts(cls, field, forms):
        """Entries in whose ``field`` one of ``forms`` starts a word."""
        return cls._starts(field, forms) | reduce(
            or_, (Q(**{f"{field}__contains": f" {form}"}) for form in forms)
        )
