"""Figures of several measurement rounds folded into medians, ratios and printed tables.

Kept apart from the serving code so the arithmetic is tested without starting servers
(tests/bench/test_compare.py). A row is keyed by (site, page); each round adds one result
of `_serve.measure` to it.
"""

import statistics

# Issue 26: Sinergi's pages against bakerydemo's bread page.
TARGETS = {"rps": (">=", 1.2), "cpu_ms": ("<=", 0.8)}


def rotated(items, steps):
    """``items`` starting ``steps`` further along, wrapping round."""
    steps %= len(items)
    return items[steps:] + items[:steps]


def summarise(rounds):
    """Per row, the median over rounds of requests per second, p95, CPU per request and
    the cores other processes kept busy, the lowest and highest requests per second, the
    errors of all rounds and the page size."""
    summary = {}
    for key, results in rounds.items():
        summary[key] = {
            "rps": statistics.median(r["rps"] for r in results),
            "rps_low": min(r["rps"] for r in results),
            "rps_high": max(r["rps"] for r in results),
            "p95": statistics.median(r["p95"] for r in results),
            "cpu_ms": statistics.median(r["cpu_ms"] for r in results),
            "others": statistics.median(r["others"] for r in results),
            "errors": sum(r["errors"] for r in results),
            "bytes": max(r["bytes"] for r in results),
        }
    return summary


def ratios(summary, key, baseline):
    """Row ``key`` over row ``baseline`` for requests per second, CPU per request and p95."""
    return {name: summary[key][name] / summary[baseline][name] for name in ("rps", "cpu_ms", "p95")}


def meets(name, ratio):
    comparison, target = TARGETS[name]
    return ratio >= target if comparison == ">=" else ratio <= target


def figures_table(summary):
    lines = [
        "| site | page | req/s (median; low-high) | p95 ms | server CPU ms/request | KiB | errors "
        "| other processes (cores) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for (site, page), row in summary.items():
        lines.append(
            f"| {site} | {page} | {row['rps']:.0f} ({row['rps_low']:.0f}-{row['rps_high']:.0f}) "
            f"| {row['p95']:.1f} | {row['cpu_ms']:.1f} | {row['bytes'] / 1024:.0f} | {row['errors']} "
            f"| {row['others']:.2f} |"
        )
    return "\n".join(lines)


def ratios_table(summary, keys, baseline):
    """Each row of ``keys`` against ``baseline``, marked against the issue's targets."""
    lines = [
        f"| Sinergi / {baseline[0]} {baseline[1]} | req/s (target >= {TARGETS['rps'][1]}) "
        f"| CPU per request (target <= {TARGETS['cpu_ms'][1]}) | p95 |",
        "| --- | --- | --- | --- |",
    ]
    for key in keys:
        ratio = ratios(summary, key, baseline)
        marks = {name: "" if meets(name, ratio[name]) else " (misses target)" for name in TARGETS}
        lines.append(
            f"| {key[1]} | {ratio['rps']:.2f}{marks['rps']} | {ratio['cpu_ms']:.2f}{marks['cpu_ms']} "
            f"| {ratio['p95']:.2f} |"
        )
    return "\n".join(lines)
