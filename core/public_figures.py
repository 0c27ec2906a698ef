"""Public figures: the contract between an app that counts something and the page that
publishes the counts (the evaluation app's dashboard and open data).

core knows no feature, so each app contributes a ``FigureSection`` through the
``register_dashboard_figures`` Wagtail hook in its wagtail_hooks.py, and the dashboard
shows every section registered, in order. core holds only the contract, the rule on
small counts that every section follows, and the rows its bar charts are drawn from.
"""

from collections.abc import Callable
from dataclasses import dataclass

HOOK = "register_dashboard_figures"
MINIMUM = 5  # a count under this is published as None ("fewer than 5"): nobody can be recognised


def suppressed(count):
    return count if count is not None and count >= MINIMUM else None


def bars(rows):
    """rows: [(label, value or None)] -> [{label, value, percent}] with percent of the largest,
    for ``core/_bars.html`` (SVG bars with their numbers, and a table beside them)."""
    largest = max((value for _label, value in rows if value), default=0)
    return [
        {
            "label": label,
            "value": value,
            "percent": round(100 * value / largest, 1) if value and largest else 0,
        }
        for label, value in rows
    ]


def no_charts(figures):
    return {}


@dataclass(frozen=True)
class FigureSection:
    key: str  # where the section's figures sit in the dashboard's data, e.g. "events"
    compute: Callable  # compute(start, end) -> JSON-safe aggregates of [start, end), none about a person
    template: str  # the section on the dashboard; it gets ``figures`` and ``charts``
    datasets: Callable  # datasets(figures) -> {name: (columns, rows)}, the section's open data
    has_activity: Callable  # has_activity(figures) -> False when nothing happened in the period
    charts: Callable = no_charts  # charts(figures) -> {name: bars(...)}, labels in the reader's language
    order: int = 100
