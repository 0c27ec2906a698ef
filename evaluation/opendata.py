"""The dashboard's figures as open data: CSV and JSON, aggregate rows only.

Each dataset is a list of rows with fixed columns (listed on the schema page); the app
that computes the figures says how they are published (core/public_figures.py).
A suppressed figure (fewer than 5) is null in JSON and empty in CSV, with
``suppressed`` saying so, so nobody reads a hidden figure as zero.
"""

import csv
import io

from evaluation import dashboard

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


def datasets(data):
    """{name: (columns, rows)} from one period's figures: every section's open data."""
    found = {}
    for section in dashboard.sections():
        found.update(section.datasets(data[section.key]))
    return found


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


def as_csv(name, data):
    columns, rows = datasets(data)[name]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: ("" if row.get(key) is None else row.get(key)) for key in columns})
    return buffer.getvalue()
