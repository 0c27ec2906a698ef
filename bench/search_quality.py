"""Search quality: nDCG@10 and recall@10 per language and engine on a judgement list.

    .venv/bin/python bench/search_quality.py [--engine db|opensearch|both] [--details]

The judgement list (bench/data/search_judgements.json) grades, for each query,
the pages that answer it (3), help (2) or relate (1), by path without language
prefix. The script builds a fresh demo site, indexes it in the database engine
and in a fresh index on the local OpenSearch node, runs every query through
each engine as the search page does, and prints the averages. Target (issue 4):
nDCG@10 at least 0.85 on OpenSearch, clearly above the database engine.
"""

import argparse
import json
import math
import re
import uuid
from collections import defaultdict
from pathlib import Path

from _site import demo_site, opensearch_engine, setup_django

JUDGEMENTS = Path(__file__).resolve().parent / "data" / "search_judgements.json"
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


def evaluate(engine, judgements, details):
    from search.engines.base import SearchQuery

    scores = defaultdict(lambda: {"ndcg": [], "recall": []})
    for item in judgements:
        results = engine.search(SearchQuery(text=item["query"], language=item["language"], per_page=K))
        paths = [path_of(hit.url, hit.language) for hit in results.hits]
        score = ndcg(paths, item["relevant"])
        for key in (item["language"], "all"):
            scores[key]["ndcg"].append(score)
            scores[key]["recall"].append(recall(paths, item["relevant"]))
        if details and score < 0.7:
            print(
                f"  {engine.name:<10} {item['language']:<8} {score:.2f}  {item['query']!r}  got {paths[:3]}"
            )
    return scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["db", "opensearch", "both"], default="both")
    parser.add_argument("--details", action="store_true", help="list the queries that score below 0.7")
    args = parser.parse_args()

    setup_django()
    print("preparing a fresh demo site ...", flush=True)
    demo_site()
    from search import pipeline
    from search.engines import database_engine

    judgements = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))
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
        print(f"\n{len(judgements)} judged queries, nDCG@{K} and recall@{K}\n")
        print(f"{'engine':<12}{'language':<10}{'queries':>8}{'nDCG@10':>10}{'recall@10':>11}")
        for engine in engines:
            scores = evaluate(engine, judgements, args.details)
            for language in ("id", "en", "ar", "zh-hans", "all"):
                values = scores[language]
                count = len(values["ndcg"])
                if count:
                    print(
                        f"{engine.name:<12}{language:<10}{count:>8}"
                        f"{sum(values['ndcg']) / count:>10.3f}{sum(values['recall']) / count:>11.3f}"
                    )
    finally:
        if remote is not None:
            remote.drop()


if __name__ == "__main__":
    main()
