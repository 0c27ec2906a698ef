"""The complaints' figures on the public dashboard (core/public_figures.py), from
``statistics.public_statistics``: received, by category and status, times to respond."""

from complaints.models import Category, Status
from complaints.statistics import public_statistics
from core.public_figures import FigureSection, bars

TIMES = (
    "total",
    "median_days_to_first_response",
    "median_days_to_resolution",
    "first_response_within_target",
    "resolved_within_target",
)


def compute(start, end):
    return {
        key: (value.isoformat() if hasattr(value, "isoformat") else value)
        for key, value in public_statistics(start, end).items()
    }


def charts(figures):
    labels = dict(Category.choices) | dict(Status.choices)
    return {
        name: bars([(labels.get(code, code), value) for code, value in figures[key].items()])
        for name, key in (("categories", "by_category"), ("statuses", "by_status"))
    }


def _counts(column, counts):
    return (
        [column, "count", "suppressed"],
        [{column: key, "count": value, "suppressed": value is None} for key, value in counts.items()],
    )


def datasets(figures):
    return {
        "complaints-by-category": _counts("category", figures["by_category"]),
        "complaints-by-status": _counts("status", figures["by_status"]),
        "complaints-times": (
            ["measure", "value", "suppressed"],
            [{"measure": key, "value": figures[key], "suppressed": figures[key] is None} for key in TIMES],
        ),
    }


SECTION = FigureSection(
    key="complaints",
    compute=compute,
    template="complaints/dashboard_section.html",
    datasets=datasets,
    has_activity=lambda figures: bool(figures["total"]),
    charts=charts,
    order=40,
)
