"""The complaints' figures on the public dashboard (core/public_figures.py), from
``statistics.public_statistics``: received, by category and status, times to respond."""

from django.utils.translation import gettext_lazy as _

from complaints.models import Category, Status
from complaints.statistics import public_statistics
from core.public_figures import (
    COUNT,
    DAYS,
    SHARE,
    VALUE,
    Code,
    Column,
    Dataset,
    FigureSection,
    bars,
    measure_column,
)

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


def _choices(choices):
    return lambda: [Code(code, str(label)) for code, label in choices]


def _time_codes():
    return [
        Code("total", str(_("Complaints received")), str(COUNT)),
        Code("median_days_to_first_response", str(_("Median time to the first response")), str(DAYS)),
        Code("median_days_to_resolution", str(_("Median time to resolution")), str(DAYS)),
        Code("first_response_within_target", str(_("First responses within the target time")), str(SHARE)),
        Code("resolved_within_target", str(_("Complaints resolved within the target time")), str(SHARE)),
    ]


def _count_of(what):
    return Column("count", "integer", what)


def dictionary():
    return {
        "complaints-by-category": Dataset(
            _("Complaints by category"),
            _("Complaints received in the period, by the category the complainant chose."),
            (
                Column(
                    "category",
                    "string",
                    _("The category of the complaint."),
                    codes=_choices(Category.choices),
                ),
                _count_of(_("Complaints received in this category.")),
            ),
        ),
        "complaints-by-status": Dataset(
            _("Complaints by status"),
            _("Complaints received in the period, by the status they have now."),
            (
                Column(
                    "status", "string", _("The complaint's status today."), codes=_choices(Status.choices)
                ),
                _count_of(_("Complaints with this status.")),
            ),
        ),
        "complaints-times": Dataset(
            _("Complaint handling times"),
            _("How fast complaints received in the period were answered and resolved."),
            (measure_column(_time_codes), VALUE),
        ),
    }


SECTION = FigureSection(
    key="complaints",
    compute=compute,
    template="complaints/dashboard_section.html",
    datasets=datasets,
    has_activity=lambda figures: bool(figures["total"]),
    charts=charts,
    dictionary=dictionary,
    order=40,
)
