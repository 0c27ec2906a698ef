"""Search speed on generated documents: indexing, rebuild, query and autocomplete latency.

    .venv/bin/python bench/search.py [--documents 100000] [--db-documents 10000] [--queries 300]
                                     [--engines both|opensearch|database]

Documents are generated from the demo content's own words in each language (so
the analysers do real work), spread evenly over the four languages. OpenSearch
runs on the local node (search/launcher.py); the database engine on a fresh
SQLite file. Latency is measured from this process, one query at a time, as the
search page sees it. The demo glossary is loaded, and a third as many queries
again name one of its concepts (expanded with its terms), measured apart.
Targets (issue 4): query p95 < 50 ms, autocomplete p95 < 20 ms, bulk indexing
>= 2,000 documents/s, rebuild of 100,000 < 2 minutes; database engine p95 <
150 ms at 10,000 documents. Issue 26: database engine p95 < 100 ms at 50,000
(`--engines database --db-documents 50000`), OpenSearch < 50 ms at 100,000;
issue 22: the same with query expansion on.
"""

import argparse
import json
import random
import re
import time
import uuid
from pathlib import Path

from _site import opensearch_engine, percentile, setup_django

DATA = Path(__file__).resolve().parents[1] / "cms" / "demo" / "data" / "guides"
LANGUAGES = ["id", "en", "ar", "zh-hans"]
WARM_UP = 200  # queries before measuring
KINDS = ["guide", "guide", "guide", "regulation", "event", "thread", "topic"]
TOPICS = ["visa", "izin-tinggal", "paspor", "hak-dan-kewajiban", "pengungsi", "pelaporan"]
AUDIENCES = ["citizens", "visitors", "workers", "refugees", "employers"]


def vocabulary():
    """Words per language from the demo guides (Chinese: runs of 2 characters)."""
    words = {language: set() for language in LANGUAGES}
    for path in DATA.glob("*.json"):
        guide = json.loads(path.read_text(encoding="utf-8"))
        for language in LANGUAGES:
            text = json.dumps(guide.get("body", {}).get(language, ""), ensure_ascii=False)
            text += " " + guide["title"].get(language, "") + " " + guide["summary"].get(language, "")
            if language == "zh-hans":
                for run in re.findall(r"[\u4e00-\u9fff]+", text):
                    words[language].update(run[i : i + 2] for i in range(0, len(run) - 1, 2))
            else:
                words[language].update(
                    word for word in re.findall(r"\w{3,}", text.lower()) if not word.isdigit()
                )
    return {language: sorted(found) for language, found in words.items()}


def generate(count, words, seed=7):
    from datetime import UTC, datetime, timedelta

    from core.searchable import SearchDocument

    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    joiner = {"zh-hans": ""}
    for number in range(count):
        language = LANGUAGES[number % len(LANGUAGES)]
        vocab = words[language]
        glue = joiner.get(language, " ")
        updated = start + timedelta(hours=rng.randrange(60_000))
        yield SearchDocument(
            source="bench.generated",
            object_id=str(number),
            language=language,
            kind=rng.choice(KINDS),
            title=glue.join(rng.choices(vocab, k=rng.randint(3, 8))),
            url=f"/{language}/bench/{number}/",
            summary=glue.join(rng.choices(vocab, k=25)),
            body=glue.join(rng.choices(vocab, k=rng.randint(120, 300))),
            topics=[rng.choice(TOPICS)],
            topic_titles=[],
            audience=rng.sample(AUDIENCES, k=2),
            published=updated,
            updated=updated,
            available_languages=[language],
            version=number + 1,
        )


def query_texts(words, count, seed=11):
    rng = random.Random(seed)
    texts = []
    for number in range(count):
        language = LANGUAGES[number % len(LANGUAGES)]
        texts.append((language, " ".join(rng.choices(words[language], k=rng.randint(1, 3)))))
    return texts


def latency(function, inputs):
    timings = []
    for item in inputs:
        started = time.perf_counter()
        function(*item)
        timings.append((time.perf_counter() - started) * 1000)
    return percentile(timings, 0.5), percentile(timings, 0.95)


def report(label, p50, p95):
    print(f"{label:<44}p50 {p50:7.1f} ms   p95 {p95:7.1f} ms", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--db-documents", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--engines", choices=["both", "opensearch", "database"], default="both")
    args = parser.parse_args()

    setup_django()
    from django.core.management import call_command

    from search.engines.base import SearchQuery

    call_command("migrate", "--noinput", verbosity=0)
    words = vocabulary()
    queries = query_texts(words, args.queries)
    named = glossary_queries(queries)
    prefixes = [(language, text.split()[0][:4]) for language, text in queries]

    def search_with(engine):
        return lambda language, text: engine.search(SearchQuery(text=text, language=language))

    def complete_with(engine):
        return lambda language, text: engine.autocomplete(text, language)

    if args.engines != "database":
        bench_opensearch(args, words, queries, named, prefixes, search_with, complete_with)
    if args.engines != "opensearch":
        bench_database(args, words, queries, named, prefixes, search_with, complete_with)


def glossary_queries(queries, seed=17):
    """Load the demo glossary and make a query naming one of its concepts (one of its terms, and
    a word) of every third query: those are expanded with the concept's terms on both engines,
    as on the site, and measured apart (issue 22: speed with query expansion on)."""
    from search import demo, glossary
    from search.text import words

    demo.load()
    rng = random.Random(seed)
    terms = {
        language: [
            demo.parse(term)[1] for item in demo.concepts() for term in item["terms"].get(language, [])
        ]
        for language in LANGUAGES
    }
    named = [
        (language, f"{rng.choice(terms[language])} {text.split()[0]}") for language, text in queries[::3]
    ]
    expanded = sum(1 for language, text in named if glossary.matches(words(text), language))
    print(
        f"glossary: {len(demo.concepts())} concepts; {expanded} of {len(named)} queries name one", flush=True
    )
    return named


def marked_end(documents, marks):
    """The documents, noting when the last one has been taken: the rebuild has sent them all
    but its last bulk request; what follows is refreshing, merging and swapping aliases."""
    yield from documents
    marks["sent"] = time.perf_counter()


def counted(documents, label, every=10_000):
    """The documents, saying every ``every`` how many have been taken (a long load shows progress)."""
    for number, document in enumerate(documents, 1):
        yield document
        if number % every == 0:
            print(f"  {label}: {number:,} documents", flush=True)


def bench_opensearch(args, words, queries, named, prefixes, search_with, complete_with):
    from search.engines.database import DatabaseEngine

    engine = opensearch_engine(prefix=f"speed-{uuid.uuid4().hex[:6]}")
    try:
        print(
            f"OpenSearch at {engine.url}: {args.documents:,} generated documents in 4 languages", flush=True
        )
        marks = {}
        started = time.perf_counter()
        sent = engine.rebuild(marked_end(generate(args.documents, words), marks))
        elapsed = time.perf_counter() - started
        bulk = marks["sent"] - started
        print(
            f"{'bulk indexing (documents generated and sent)':<44}{bulk:7.1f} s    ({sent / bulk:,.0f} documents/s)"
        )
        print(f"{'full rebuild with merge and alias swap':<44}{elapsed:7.1f} s")
        engine.refresh()
        # The same documents in the database engine's index, as on a site (it is kept up to
        # date whichever engine serves): the remote engines order their first results by what
        # it holds (search/engines/remote.py by_coverage).
        started = time.perf_counter()
        DatabaseEngine().rebuild(counted(generate(args.documents, words), "database index"))
        print(
            f"{'database index of the same documents':<44}{time.perf_counter() - started:7.1f} s", flush=True
        )
        # Warm up with other queries: the node's search path compiled by the JVM and its
        # caches filled, as on a server that has been answering for a while, without
        # flattering the measured queries by running them twice.
        latency(search_with(engine), query_texts(words, WARM_UP, seed=13))
        report(f"query ({len(queries)} queries, one at a time)", *latency(search_with(engine), queries))
        report(f"query naming a glossary concept ({len(named)})", *latency(search_with(engine), named))
        report(f"autocomplete ({len(prefixes)} prefixes)", *latency(complete_with(engine), prefixes))
    finally:
        engine.drop()


def bench_database(args, words, queries, named, prefixes, search_with, complete_with):
    from search.engines.database import DatabaseEngine

    database = DatabaseEngine()
    print(f"\nDatabase engine (SQLite): {args.db_documents:,} generated documents", flush=True)
    started = time.perf_counter()
    database.rebuild(generate(args.db_documents, words))
    print(f"{'load':<44}{time.perf_counter() - started:7.1f} s")
    latency(search_with(database), query_texts(words, WARM_UP, seed=13))
    report(f"query ({len(queries)} queries, one at a time)", *latency(search_with(database), queries))
    report(f"query naming a glossary concept ({len(named)})", *latency(search_with(database), named))
    # What the search page asks for: the engine's results, the relevance floor and "did you mean".
    report("search page (floor and did you mean too)", *latency(answer_with(database), queries))
    report(f"autocomplete ({len(prefixes)} prefixes)", *latency(complete_with(database), prefixes))


def answer_with(engine):
    from search.answer import answer
    from search.engines.base import SearchQuery

    return lambda language, text: answer(engine, SearchQuery(text=text, language=language))


if __name__ == "__main__":
    main()
