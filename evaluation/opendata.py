"""The dashboard's figures as open data: CSV and JSON, aggregate rows only, with a data
dictionary and a Frictionless ``datapackage.json`` that describes the CSV files.

Each dataset is a list of rows with fixed columns; the app that computes the figures
says how they are published and what each column means (core/public_figures.py,
``FigureSection.datasets`` and ``.dictionary``). Every row starts with the period it
covers and ends with ``suppressed``: a figure under 5 is left out (null in JSON, empty
in CSV) and ``suppressed`` says so, ``true``/``false`` in JSON and ``1``/``0`` in CSV,
so nobody reads a hidden figure as zero. Each period has its own stable address,
``data/<period>/<dataset>.csv``.
"""

import csv
import io

from django.utils.translation import gettext_lazy as _

from core.public_figures import Column
from evaluation import dashboard

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
LICENCE_PACKAGE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PERIOD = Column(
    "period",
    "string",
    _(
        "The period the figures cover: a calendar year (2026), or the last 30, 90 or 365 days "
        "(30d, 90d, 365d) up to the day the file was made."
    ),
)
SUPPRESSED = Column(
    "suppressed",
    "boolean",
    _("True when the figure is under 5 and left out, so that nobody can be recognised."),
)


def datasets(data):
    """{name: (columns, rows)} from one period's figures: every section's open data, each
    row with its period first."""
    period = data["period"]["key"]
    found = {}
    for section in dashboard.sections():
        for name, (columns, rows) in section.datasets(data[section.key]).items():
            own = [column for column in columns if column != "suppressed"]
            found[name] = (
                ["period", *own, "suppressed"],
                [{"period": period, **row, "suppressed": bool(row["suppressed"])} for row in rows],
            )
    return found


def dictionary():
    """{name: Dataset}: what every dataset and its own columns mean, in the active language."""
    found = {}
    for section in dashboard.sections():
        found.update(section.dictionary())
    return found


def all_columns(dataset):
    """A dataset's columns as published: the period, its own, then ``suppressed``."""
    return [PERIOD, *dataset.columns, SUPPRESSED]


def as_json(name, data, schema_url):
    columns, rows = datasets(data)[name]
    return {
        "dataset": name,
        "period": data["period"],
        "computed_at": data["computed_at"],
        "licence": LICENCE,
        "schema": schema_url,
        "columns": columns,
        "rows": rows,
    }


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    return value


def as_csv(name, data):
    columns, rows = datasets(data)[name]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_value(row.get(key)) for key in columns})
    return buffer.getvalue()


def _field(column):
    field = {"name": column.name, "type": column.type, "description": str(column.description)}
    if column.unit:
        field["unit"] = str(column.unit)  # a custom property: Table Schema has none for units
    if column.codes:
        codes = column.codes()
        field["constraints"] = {"enum": [code.code for code in codes]}
        field["codes"] = [
            {"code": code.code, "label": str(code.label), **({"unit": code.unit} if code.unit else {})}
            for code in codes
        ]
    if column.type == "boolean":
        field["trueValues"], field["falseValues"] = ["1", "true"], ["0", "false"]
    return field


def datapackage(period_key, csv_url):
    """A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) for one
    period: every CSV file with its Table Schema; ``csv_url(name)`` gives a file's address."""
    described = dictionary()
    return {
        "name": f"sinergi-transparency-{period_key}",
        "title": str(_("Sinergi transparency figures")),
        "licenses": [LICENCE_PACKAGE],
        "resources": [
            {
                "name": name,
                "path": csv_url(name),
                "title": str(dataset.title),
                "description": str(dataset.description),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [_field(column) for column in all_columns(dataset)],
                    "missingValues": [""],
                },
            }
            for name, dataset in described.items()
        ],
    }
