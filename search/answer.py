"""What a search answers beyond the engine's ranked list, the same for every engine: whether
anything answers the question at all (the relevance floor), and whether "did you mean" helps.

**The relevance floor.** Engines always find something: a question about buying a SIM card
matches pages holding "buy" or "card". What tells an answer from noise is how much of the
question the best results hold, each of the query's concepts weighted by how rare it is in
the index (a word on every page tells nothing; a word on no page tells the most): the measure
of search/coverage.py, by which the remote engines also order their first results. ``confidence``
is the largest share of that weight held by one of the top results; below ``FLOOR`` the page
says plainly that nothing answers, and the search is recorded as finding nothing. The floor
was calibrated with bench/search_quality.py on the judged queries (all answerable) and the
off-topic ones (bench/data/search_off_topic.json): see docs/search.md.

**Showing results for** the spelling corrected (search/spelling.py proposes, for every engine):
only when the corrected query clears the floor and is clearly better answered than the typed
one (``MARGIN``); the reader may still search as typed (``SearchQuery.as_typed``). The
engines search what they are given: a correction decided here is the same on every engine.
"""

from dataclasses import replace

from search import coverage, spelling

FLOOR = 0.55
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


def confidence(query, hits):
    """The largest share of the query's weight one of the top results holds (0 to 1), measured
    as search/coverage.py does (a concept the glossary names weighs ``coverage.DOMAIN_WEIGHT``
    times its rarity). A question naming no concept at all counts ``UNNAMED_SHARE`` of it; a
    result not in the database index (yet) is trusted."""
    if not hits:
        return 0.0
    measure = coverage.weighing(query.text, query.language)
    if measure is None:
        return 0.0
    texts = coverage.texts_of([(hit.url, hit.language) for hit in hits[:TOP]])
    if None in texts:
        return 1.0
    best = max(measure.share(text) for text in texts)
    return best if measure.named else best * UNNAMED_SHARE


def answer(engine, query):
    """The engine's results, or those of the query's spelling corrected when they answer it
    clearly better (then ``suggestion`` is the corrected text and ``query`` the corrected
    query), with ``confidence`` and ``no_good_match``. A later page is the one of the query it
    is given: the links of corrected results carry the corrected text (search/views.py)."""
    results = engine.search(query)
    results.confidence = confidence(query, results.hits) if query.page == 1 else 1.0
    results.suggestion = ""
    proposed = "" if query.as_typed or query.page > 1 else spelling.candidate(query.text, query.language)
    if proposed:
        meant = replace(query, text=proposed)
        corrected = engine.search(meant)
        score = confidence(meant, corrected.hits)
        if score >= FLOOR and score >= results.confidence + MARGIN:
            corrected.confidence = score
            corrected.suggestion = proposed
            results = corrected
    results.no_good_match = results.confidence < FLOOR
    return results
