"""What a search answers beyond the engine's ranked list, the same for every engine: whether
anything answers the question at all (the relevance floor), and whether "did you mean" helps.

**The relevance floor.** Engines always find something: a question about buying a SIM card
matches pages holding "buy" or "card". What tells an answer from noise is how much of the
question the best results hold, each of the query's concepts (a word, or a glossary concept
with its terms, search/engines/database.py ``concepts``) weighted by how rare it is in the
index (a word on every page tells nothing; a word on no page tells the most). ``confidence``
is the largest share of that weight held by one of the top results; below ``FLOOR`` the page
says plainly that nothing answers, and the search is recorded as finding nothing. The floor
was calibrated with bench/search_quality.py on the judged queries (all answerable) and the
off-topic ones (bench/data/search_off_topic.json): see docs/search.md.

**Did you mean** (search/spelling.py proposes): offered only when the corrected query clears
the floor and is clearly better answered than the typed one (``MARGIN``).
"""

import hashlib
import math
from dataclasses import replace
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Count

from search import glossary, spelling
from search.engines.database import concepts, covered, covered_total
from search.fulltext import holding_any, occurs
from search.models import SearchEntry
from search.text import CJK, words

FLOOR = 0.55
DOMAIN_WEIGHT = 3.0
# A question naming no concept of the glossary (the service's own vocabulary) counts this
# share of what its best result holds: it must hold more of it to clear the floor. An
# everyday question shares common words with some guide ("سعر صرف الروبية اليوم", today's
# rupiah exchange rate: price, rupiah, day are all in the fees guide), a question the
# service answers nearly always names a permit, a document or a procedure. Calibrated with
# bench/search_quality.py: honest answers to off-topic questions .89 -> 1.00 (tuned list),
# .87 -> .93 (unseen), answerable questions answered unchanged (.97, .93).
UNNAMED_SHARE = 0.75
MARGIN = 0.2
TOP = 3
WEIGHTS_SECONDS = 600


def weights(meant, language):
    """How much each concept tells (inverse document frequency over the reader's entries), and
    in how many entries it is: [(weight, frequency), ...]."""
    key = f"search:idf:{language}:{hashlib.sha256(repr(meant).encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        # One query counts every concept, each through the full-text index (search/fulltext.py),
        # among the entries holding any of them (those the index finds, not every entry).
        total = covered_total(language)
        held = [holding_any(options) for options in meant]
        counted = (
            covered(language)
            .filter(reduce(or_, held))
            .aggregate(**{f"c{index}": Count("pk", filter=query) for index, query in enumerate(held)})
        )
        counts = [counted[f"c{index}"] for index in range(len(held))]
        found = [(math.log(1 + (total - count + 0.5) / (count + 0.5)), count) for count in counts]
        cache.set(key, found, WEIGHTS_SECONDS)
    return found


def _across_words(text, frequencies):
    """Chinese pairs found nowhere whose neighbours on both sides are found."""
    tokens = words(text)
    found = set()
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if CJK.search(token) and not frequencies.get(token, 1):
            before, after = tokens[index - 1], tokens[index + 1]
            if (
                CJK.search(before)
                and CJK.search(after)
                and frequencies.get(before)
                and frequencies.get(after)
            ):
                found.add(token)
    return found


def _term_words(matches):
    """{word: its term's alternatives} for the words of the glossary terms of two words or more
    the query names. Each such word also counts on its own (search/engines/database.py
    ``concepts``), and a page holding the term in other words holds the word too: "kicked"
    of "kicked out" is on no page, so the guides about deportation held less than the floor
    of "kicked out of Indonesia for overstaying"."""
    covering = {}
    for match in matches:
        if match.end - match.start > 1:
            for word in match.typed.split():
                covering.setdefault(word, []).extend(match.alternatives)
    return covering


def confidence(query, hits):
    """The largest share of the query's weight one of the top results holds (0 to 1).

    A concept the glossary names weighs ``DOMAIN_WEIGHT`` times its rarity: the glossary
    is the service's own vocabulary, so a question naming KITAS or a passport is one the
    service is meant to answer, while "bank" or "taxi" found somewhere in a guide is not.
    A Chinese character pair found nowhere, between two pairs that are found, is left out:
    Chinese is written without spaces, so it is a pair across two words (照丢 in 护照丢了).
    A question naming no concept at all counts ``UNNAMED_SHARE`` of it. A word of a longer
    term the query names is held where the term's concept is (``_term_words``).
    """
    meant = [options for options in concepts(query.text, query.language) if options]
    if not hits or not meant:
        return 0.0
    matches = glossary.matches(words(query.text), query.language)
    named = {alternative for match in matches for alternative in match.alternatives}
    covering = _term_words(matches)
    measured = list(zip(meant, weights(meant, query.language), strict=True))
    across = _across_words(query.text, {options[0]: frequency for options, (_w, frequency) in measured})
    weighed = [
        (options, weight * (DOMAIN_WEIGHT if named.intersection(options) else 1.0))
        for options, (weight, _frequency) in measured
        if options[0] not in across
    ]
    whole = sum(weight for _options, weight in weighed)
    if not whole:
        return 0.0
    top = hits[:TOP]
    # By address alone, so that the index on it is the one used; an address has an entry per
    # language at most, the wrong ones are never looked up.
    texts = {
        (url, language): text
        for url, language, text in SearchEntry.objects.filter(url__in=[hit.url for hit in top]).values_list(
            "url", "language", "search_text"
        )
    }
    best = 0.0
    for hit in top:
        text = texts.get((hit.url, hit.language))
        if text is None:  # not in the database index (yet): trust the engine
            return 1.0
        held = sum(
            weight
            for options, weight in weighed
            if any(occurs(option, text) for option in [*options, *covering.get(options[0], ())])
        )
        best = max(best, held / whole)
    return best if named else best * UNNAMED_SHARE


def answer(engine, query):
    """The engine's results, with ``confidence``, ``no_good_match`` and a checked suggestion."""
    results = engine.search(query)
    results.confidence = confidence(query, results.hits) if query.page == 1 else 1.0
    results.suggestion = ""
    proposed = spelling.candidate(query.text, query.language)
    if proposed:
        corrected = engine.search(replace(query, text=proposed, page=1))
        score = confidence(replace(query, text=proposed), corrected.hits)
        if score >= FLOOR and score >= results.confidence + MARGIN:
            results.suggestion = proposed
            # The reader meant a question the site answers: offer it rather than "no match".
            results.confidence = max(results.confidence, score)
    results.no_good_match = results.confidence < FLOOR
    return results
