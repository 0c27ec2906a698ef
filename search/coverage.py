"""How much of a question a page holds: each of the query's concepts (a word, or a glossary
concept with its terms, search/engines/database.py ``concepts``) weighted by how rare it is,
a concept the glossary names weighing more.

Two readers, one measure: the relevance floor (search/answer.py ``confidence``: does any of
the top results hold enough of the question? rarity among the reader's entries, ``weighing``)
and the remote engines' ordering of their first results (search/engines/remote.py
``by_coverage``: the page holding more of the question comes first; rarity among those
results, ``weighing_among``). Pages are read from the database engine's index, which is kept
up to date whichever engine serves (search/engines/__init__.py).
"""

import hashlib
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Count

from search import glossary
from search.engines.base import rarity
from search.engines.database import concepts, covered, covered_total
from search.fulltext import holding_any, occurs
from search.models import SearchEntry
from search.text import CJK, words

# A concept the glossary names weighs this many times its rarity: the glossary is the service's
# own vocabulary, so a question naming KITAS or a passport is one the service is meant to
# answer, while "bank" or "taxi" found somewhere in a guide is not.
DOMAIN_WEIGHT = 3.0
WEIGHTS_SECONDS = 600


def weights(meant, language):
    """How much each concept tells among the reader's entries, and in how many entries it is:
    [(weight, frequency), ...]."""
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
        found = [(rarity(total, count), count) for count in counts]
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


@dataclass
class Weighing:
    """A query's concepts with their weights: ``share`` measures a page's text against them."""

    weighed: list  # [(alternatives, weight)]
    covering: dict  # _term_words
    named: bool  # the query names a concept of the glossary

    def share(self, text):
        """The share of the query's weight ``text`` (an entry's ``search_text``) holds, 0 to 1."""
        whole = sum(weight for _options, weight in self.weighed)
        return sum(weight for options, weight in self.weighed if _holds(options, text, self.covering)) / whole


def _holds(options, text, covering):
    """Whether ``text`` holds the concept of ``options``, or the term a word of it belongs to."""
    return any(occurs(option, text) for option in [*options, *covering.get(options[0], ())])


def _parts(text, language):
    """The query's concepts, the alternatives of the glossary concepts it names, and the words
    of its longer terms (``_term_words``)."""
    meant = [options for options in concepts(text, language) if options]
    matches = glossary.matches(words(text), language)
    named = {alternative for match in matches for alternative in match.alternatives}
    return meant, named, _term_words(matches)


def _weighed(meant, named, rarities):
    return [
        (options, weight * (DOMAIN_WEIGHT if named.intersection(options) else 1.0))
        for options, weight in zip(meant, rarities, strict=True)
    ]


def weighing(text, language):
    """The Weighing of a query, each concept's rarity counted among the reader's entries; None
    when nothing in it weighs (no word, or none found).

    A Chinese character pair found nowhere, between two pairs that are found, is left out:
    Chinese is written without spaces, so it is a pair across two words (照丢 in 护照丢了)."""
    meant, named, covering = _parts(text, language)
    if not meant:
        return None
    measured = list(zip(meant, weights(meant, language), strict=True))
    across = _across_words(text, {options[0]: count for options, (_weight, count) in measured})
    kept = [(options, weight) for options, (weight, _count) in measured if options[0] not in across]
    weighed = _weighed([options for options, _w in kept], named, [weight for _o, weight in kept])
    if not sum(weight for _options, weight in weighed):
        return None
    return Weighing(weighed, covering, bool(named))


def weighing_among(text, language, texts):
    """The Weighing of a query, each concept's rarity counted among ``texts`` (the first results
    of a search) rather than among every entry: what tells those pages apart is what they do not
    all hold. Counting among every entry costs a look through the whole index for each new
    question (seconds at 100,000 entries on SQLite, bench/search.py), and ordered the tuned
    list's first results no better (docs/performance.md, seventeenth session)."""
    meant, named, covering = _parts(text, language)
    if not meant or not texts:
        return None
    held = [sum(1 for page in texts if _holds(options, page, covering)) for options in meant]
    weighed = _weighed(meant, named, [rarity(len(texts), count) for count in held])
    return Weighing(weighed, covering, bool(named))


def texts_of(pages):
    """The ``search_text`` of each page given as (url, language), None for a page not in the
    database engine's index (yet). By address alone, so that the index on it is the one used;
    an address has an entry per language at most."""
    found = {
        (url, language): text
        for url, language, text in SearchEntry.objects.filter(
            url__in=[url for url, _language in pages]
        ).values_list("url", "language", "search_text")
    }
    return [found.get(page) for page in pages]
