"""Public figures: the contract between an app that counts something and the page that
publishes the counts (the evaluation app's dashboard and open data).

core knows no feature, so each app contributes a ``FigureSection`` through the
``register_dashboard_figures`` Wagtail hook in its wagtail_hooks.py, and the dashboard
shows every section registered, in order. core holds only the contract, the rule on
small counts that every section follows (every count, on the page and in the open data),
the one way percentages are written, and the rows its bar charts are drawn from.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext_lazy as _

HOOK = "register_dashboard_figures"
MINIMUM = 5  # a count under this is published as None ("fewer than 5"): nobody can be recognised


def suppressed(count):
    return count if count is not None and count >= MINIMUM else None


def percent(share):
    """A share (0 to 1) as the reader's percentage: "59.3 %", "100 %" ("59,3 %" in Indonesian),
    "–" for None. Every percentage the public sees goes through here (the ``percent`` template
    filter too), so figures kept as shares are never printed as "1.0 %"."""
    if share is None:
        return "–"
    value = round(100 * share, 1)
    whole = value == int(value)
    return f"{formats.number_format(int(value) if whole else value, 0 if whole else 1)} %"


def bars(rows, full=None):
    """rows: [(label, value or None)] -> [{label, value, percent, text}] for ``core/_bars.html``
    (SVG bars with their numbers, and a table beside them). Shares (``full=1``) are drawn to
    scale, a bar's width is its share of 100 %, and ``text`` is the percentage; counts are
    drawn against the largest, ``text`` the count."""
    largest = full or max((value for _label, value in rows if value), default=0)
    return [
        {
            "label": label,
            "value": value,
            "percent": min(round(100 * value / largest, 1), 100.0) if value and largest else 0,
            "text": percent(value / full) if full and value is not None else value,
        }
        for label, value in rows
    ]


def no_charts(figures):
    return {}


@dataclass(frozen=True)
class Code:
    """One value a column takes, with its label (translated) and, for a measure, its unit."""

    code: str
    label: str
    unit: str = ""


@dataclass(frozen=True)
class Column:
    """A column of an open dataset, as the data dictionary and datapackage.json describe it.
    ``type``: a Table Schema type (string, integer, number, boolean); ``codes``: a function
    returning the ``Code``s of a column of codes, in the active language."""

    name: str
    type: str
    description: str
    unit: str = ""
    codes: Callable | None = None


@dataclass(frozen=True)
class Dataset:
    """What an open dataset holds: its title and description and its own columns (the
    period and suppressed columns every dataset has are added by the open data)."""

    title: str
    description: str
    columns: tuple


def measure_column(codes):
    """The "measure" column of a dataset of one figure per row; its value's unit is the
    measure's (days, a share from 0 to 1, a count)."""
    return Column(
        "measure", "string", _("Which figure the row gives; its unit is in the list of codes."), codes=codes
    )


VALUE = Column("value", "number", _("The figure, in the unit of its measure; empty when suppressed."))
COUNT = _("count")
DAYS = _("days")
SHARE = _("share from 0 to 1")
PERCENT = _("percent from 0 to 100")


@dataclass(frozen=True)
class FigureSection:
    key: str  # where the section's figures sit in the dashboard's data, e.g. "events"
    compute: Callable  # compute(start, end) -> JSON-safe aggregates of [start, end), none about a person
    template: str  # the section on the dashboard; it gets ``figures`` and ``charts``
    datasets: Callable  # datasets(figures) -> {name: (columns, rows)}, the section's open data
    has_activity: Callable  # has_activity(figures) -> False when nothing happened in the period
    charts: Callable = no_charts  # charts(figures) -> {name: bars(...)}, labels in the reader's language
    dictionary: Callable = dict  # dictionary() -> {name: Dataset}, every dataset of ``datasets``
    order: int = 100
