"""A search cluster losing a node: are any results lost? (issue 9)

    .venv/bin/python bench/load/cluster.py            # 3 nodes, base port 9290 (HTTP 9291-9293)
    .venv/bin/python bench/load/cluster.py --nodes 2

Starts a cluster of its own with search/launcher.py (one process per node, its own
cluster name and ports, so the developer's node is never touched), indexes the demo
site (a fresh SQLite database in a temporary folder) with SEARCH_REPLICAS=1, runs the
80 judged queries of bench/data/search_judgements.json (and their autocomplete
prefixes), stops the node that is the elected cluster manager, waits until the
cluster answers again, runs the same queries through a surviving node and compares:
totals, the top ten of every query, the autocomplete lists and the document counts.
Then starts the node again and waits until the cluster is green.

SEARCH_URL takes one address, so after the stop the engine is pointed at a
surviving node, as a load balancer in front of the cluster would do.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def get_json(url, timeout=70):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
        return json.load(response)


def run_queries(engine, judgements):
    from search.engines.base import SearchQuery

    answers = {}
    for item in judgements:
        results = engine.search(SearchQuery(text=item["query"], language=item["language"]))
        prefix = item["query"][:4]
        answers[f"{item['language']}:{item['query']}"] = {
            "total": results.total,
            "top": [hit.url for hit in results.hits[:10]],
            "complete": engine.autocomplete(prefix, item["language"], 8),
        }
    return answers


def counts(url, prefix):
    rows = get_json(f"{url}/_cat/indices/{prefix}-*?format=json&h=index,docs.count,health,rep")
    return {row["index"]: (int(row["docs.count"]), row["health"], row["rep"]) for row in rows}


def manager_node(url, port, nodes):
    """The number (1-based) of the node that is the elected cluster manager."""
    info = get_json(f"{url}/_nodes/_cluster_manager/http")
    address = next(iter(info["nodes"].values()))["http"]["publish_address"]
    http_port = int(address.rsplit(":", 1)[1])
    return http_port - port


def compare(before, after):
    lost_total = [key for key in before if after[key]["total"] < before[key]["total"]]
    top_changed = [key for key in before if set(after[key]["top"]) != set(before[key]["top"])]
    order_changed = [
        key for key in before if after[key]["top"] != before[key]["top"] and key not in top_changed
    ]
    complete_changed = [key for key in before if after[key]["complete"] != before[key]["complete"]]
    return lost_total, top_changed, order_changed, complete_changed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=3)
    parser.add_argument("--port", type=int, default=9290, help="launcher base port: nodes on +1 ... +N")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if args.nodes < 2:
        sys.exit("a cluster needs at least 2 nodes")

    var = Path(tempfile.mkdtemp(prefix="sinergi-cluster-"))
    # A fresh SQLite database in the folder (bench/_site.py does the same; not imported, since
    # putting bench/ on the path would shadow the "events" package opensearch-py imports).
    os.environ.update(SEARCH_REPLICAS="1", SINERGI_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    from search import launcher, pipeline
    from search.engines.remote import RemoteEngine

    urls = launcher.cluster_urls(args.port, args.nodes)
    if any(launcher.health(url) for url in urls):
        sys.exit(f"something already answers on {urls}; choose another --port")
    prefix = "clusterbench"
    try:
        print(f"folder: {var}", flush=True)
        with open(os.devnull, "w") as quiet:  # noqa: PTH123 - modeltranslation prints its SQL
            call_command("migrate", "--noinput", verbosity=0, stdout=quiet)
        call_command("load_demo", verbosity=0)
        began = time.monotonic()
        launcher.start(port=args.port, var_dir=var, nodes=args.nodes, cluster_name="sinergi-cluster-bench")
        print(f"{args.nodes} nodes up in {time.monotonic() - began:.0f} s: {', '.join(urls)}", flush=True)
        engine = RemoteEngine("opensearch", urls[0], timeout=30, prefix=prefix)
        began = time.monotonic()
        engine.rebuild(pipeline.all_documents())
        get_json(f"{urls[0]}/_cluster/health?wait_for_status=green&timeout=60s")
        print(
            f"indexed the demo site with 1 replica in {time.monotonic() - began:.1f} s; cluster green",
            flush=True,
        )
        before_counts = counts(urls[0], prefix)
        shards = get_json(f"{urls[0]}/_cat/shards/{prefix}-*?format=json&h=index,shard,prirep,state,node,ip")
        print(f"shards: {len(shards)} ({sum(1 for s in shards if s['prirep'] == 'p')} primaries)")
        judgements = json.loads((ROOT / "bench" / "data" / "search_judgements.json").read_text())
        before = run_queries(engine, judgements)
        print(f"{len(before)} queries run; {sum(v['total'] for v in before.values())} results in all")

        victim = manager_node(urls[0], args.port, args.nodes)
        survivor = urls[0] if victim != 1 else urls[1]
        print(f"stopping node {victim} (the elected cluster manager) ...", flush=True)
        stopped_at = time.monotonic()
        launcher.stop_node(victim, var)
        health = get_json(f"{survivor}/_cluster/health?wait_for_status=yellow&timeout=60s")
        waited = time.monotonic() - stopped_at
        print(
            f"cluster answers again after {waited:.1f} s: status {health['status']}, "
            f"{health['number_of_nodes']} nodes, unassigned shards {health['unassigned_shards']}"
        )
        engine = RemoteEngine("opensearch", survivor, timeout=30, prefix=prefix)
        after = run_queries(engine, judgements)
        after_counts = counts(survivor, prefix)
        lost_total, top_changed, order_changed, complete_changed = compare(before, after)
        print(f"queries with fewer results after the stop: {len(lost_total)} {lost_total[:5]}")
        print(f"queries whose top ten changed: {len(top_changed)} {top_changed[:5]}")
        print(f"queries whose top ten changed order only: {len(order_changed)} {order_changed[:5]}")
        print(f"autocomplete lists that changed: {len(complete_changed)} {complete_changed[:5]}")
        same = {index: value[0] for index, value in before_counts.items()} == {
            index: value[0] for index, value in after_counts.items()
        }
        print(f"document counts per index: {'identical' if same else 'DIFFERENT'} {after_counts}")
        report = pipeline.check(engine)
        problems = sum(
            len(kinds[kind]) for kinds in report.values() for kind in ("missing", "stale", "extra")
        )
        print(f"index against the database (search_index check): {problems} differences")
        lost = bool(lost_total or top_changed or not same or problems)
        print("RESULT: " + ("results LOST" if lost else "no result lost"))

        print(f"starting node {victim} again ...", flush=True)
        began = time.monotonic()
        launcher.start(port=args.port, var_dir=var, nodes=args.nodes, cluster_name="sinergi-cluster-bench")
        get_json(f"{survivor}/_cluster/health?wait_for_status=green&timeout=120s")
        print(f"green again with {args.nodes} nodes after {time.monotonic() - began:.0f} s")
        engine.drop()
    finally:
        launcher.stop(var)
        if args.keep:
            print(f"kept {var}")
        else:
            shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
