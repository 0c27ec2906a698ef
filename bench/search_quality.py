"""Search quality: nDCG@10, recall@10, no-answer honesty and did-you-mean precision, per
language and engine.

    .venv/bin/python bench/search_quality.py [--engine db|opensearch|both] [--details] [--calibrate]

The judgement list (bench/data/search_judgements.json) grades, for each query,
the pages that answer it (3), help (2) or relate (1), by path without language
prefix. The script builds a fresh demo site, indexes it in the database engine
and in a fresh index on the local OpenSearch node, runs every query through
each engine as the search page does (search/answer.py: the engine, the relevance floor and
"did you mean"), and prints the averages. Target (issue 4): nDCG@10 at least 0.85 on
OpenSearch, clearly above the database engine.

Two more lists (issue 22): bench/data/search_off_topic.json, questions about everyday life
the service does not cover, each answered honestly when the page says nothing answers it
(below the relevance floor); and bench/data/search_spelling.json, misspelt and correctly
spelt queries, where "did you mean" is right when it offers the expected correction or,
for a correct query, nothing. ``--calibrate`` prints the confidence of every judged
(answerable) and off-topic query, the figures the floor in search/answer.py was set from.
"""

import argparse
import json
import math
import re
import uuid
from collections import defaultdict
from pathlib import Path

from _site import demo_site, opensearch_engine, setup_django

DATA = Path(__file__).resolve().parent / "data"
JUDGEMENTS = DATA / "search_judgements.json"
OFF_TOPIC = DATA / "search_off_topic.json"
SPELLING = DATA / "search_spelling.json"
LANGUAGES = ("id", "en", "ar", "zh-hans", "all")
K = 10


def path_of(url, language):
    """A result's key in the judgement list: its path without language, or form:<file name> for documents."""
    document = re.match(r"/documents/\d+/([\w-]+?)(?:_\w{7})?\.\w+$", url)
    if document:
        return f"form:{document.group(1)}"
    prefix = f"/{language}/"
    for candidate in (prefix, "/id/"):
        if url.startswith(candidate):
            return "/" + url[len(candidate) :]
    return url


def ndcg(ranked_paths, grades):
    dcg = sum(
        (2 ** grades.get(path, 0) - 1) / math.log2(rank + 2) for rank, path in enumerate(ranked_paths[:K])
    )
    ideal = sorted(grades.values(), reverse=True)[:K]
    idcg = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked_paths, grades):
    found = {path for path in ranked_paths[:K] if grades.get(path, 0) > 0}
    return len(found) / len(grades)


def run(engine, item):
    from search.answer import answer
    from search.engines.base import SearchQuery

    return answer(engine, SearchQuery(text=item["query"], language=item["language"], per_page=K))


def evaluate(engine, judgements, details):
    scores = defaultdict(lambda: {"ndcg": [], "recall": [], "answered": []})
    for item in judgements:
        results = run(engine, item)
        paths = [path_of(hit.url, hit.language) for hit in results.hits]
        score = ndcg(paths, item["relevant"])
        for key in (item["language"], "all"):
            scores[key]["ndcg"].append(score)
            scores[key]["recall"].append(recall(paths, item["relevant"]))
            scores[key]["answered"].append(not results.no_good_match)
        if details and score < 0.7:
            print(
                f"  {engine.name:<10} {item['language']:<8} {score:.2f}  {item['query']!r}  got {paths[:3]}"
            )
    return scores


def honesty(engine, queries, details):
    """Share of off-topic queries answered honestly (below the relevance floor), per language."""
    shares = defaultdict(list)
    for item in queries:
        results = run(engine, item)
        for key in (item["language"], "all"):
            shares[key].append(results.no_good_match)
        if details and not results.no_good_match:
            print(
                f"  {engine.name:<10} {item['language']:<8} answered {item['query']!r} ({results.confidence:.2f})"
            )
    return shares


def spelling_precision(engine, queries, details):
    """Share of queries where "did you mean" is right: the expected correction, or none."""
    shares = defaultdict(list)
    for item in queries:
        offered = run(engine, item).suggestion
        right = offered == item["expected"]
        for key in (item["language"], "all"):
            shares[key].append(right)
        if details and not right:
            print(
                f"  {engine.name:<10} {item['language']:<8} {item['query']!r}: {offered!r}, expected {item['expected']!r}"
            )
    return shares


def calibrate(engine, judgements, off_topic):
    for label, items in (("answerable", judgements), ("off-topic", off_topic)):
        values = sorted((run(engine, item).confidence, item["query"]) for item in items)
        print(f"{engine.name} {label}: " + ", ".join(f"{value:.2f}" for value, _query in values))
        print("  lowest: " + "; ".join(f"{query} {value:.2f}" for value, query in values[:8]))


def share(values):
    return sum(values) / len(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["db", "opensearch", "both"], default="both")
    parser.add_argument("--details", action="store_true", help="list the queries that score below 0.7")
    parser.add_argument("--calibrate", action="store_true", help="print confidences for the relevance floor")
    args = parser.parse_args()

    setup_django()
    print("preparing a fresh demo site ...", flush=True)
    demo_site()
    from search import pipeline
    from search.engines import database_engine

    judgements = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))
    off_topic = json.loads(OFF_TOPIC.read_text(encoding="utf-8"))
    misspelt = json.loads(SPELLING.read_text(encoding="utf-8"))
    engines = []
    if args.engine in ("db", "both"):
        engine = database_engine()
        engine.rebuild(pipeline.all_documents())
        engines.append(engine)
    remote = None
    if args.engine in ("opensearch", "both"):
        remote = opensearch_engine(prefix=f"quality-{uuid.uuid4().hex[:6]}")
        remote.rebuild(pipeline.all_documents())
        engines.append(remote)
    try:
        print(
            f"\n{len(judgements)} judged queries (nDCG@{K}, recall@{K}, share answered), "
            f"{len(off_topic)} off-topic (share answered honestly), "
            f"{len(misspelt)} for did-you-mean (precision)\n"
        )
        print(
            f"{'engine':<12}{'language':<10}{'queries':>8}{'nDCG@10':>10}{'recall@10':>11}"
            f"{'answered':>10}{'honest':>8}{'dym':>7}"
        )
        for engine in engines:
            if args.calibrate:
                calibrate(engine, judgements, off_topic)
            scores = evaluate(engine, judgements, args.details)
            honest = honesty(engine, off_topic, args.details)
            spelled = spelling_precision(engine, misspelt, args.details)
            for language in LANGUAGES:
                values = scores[language]
                count = len(values["ndcg"])
                if count:
                    print(
                        f"{engine.name:<12}{language:<10}{count:>8}"
                        f"{share(values['ndcg']):>10.3f}{share(values['recall']):>11.3f}"
                        f"{share(values['answered']):>10.2f}{share(honest[language]):>8.2f}"
                        f"{share(spelled[language]):>7.2f}"
                    )
    finally:
        if remote is not None:
            remote.drop()


if __name__ == "__main__":
    main()
