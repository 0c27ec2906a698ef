"""The dashboard's figures as open data: CSV and JSON, aggregate rows only.

Each dataset is a list of rows with fixed columns (documented in docs/open-data.md).
A suppressed figure (fewer than 5) is null in JSON and empty in CSV, with
``suppressed`` saying so, so nobody reads a hidden figure as zero.
"""

import csv
import io

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


def _flag(value):
    return value is None


def datasets(data):
    """{name: (columns, rows)} from one period's figures."""
    complaints = data["complaints"]
    return {
        "guides": (
            ["measure", "value"],
            [{"measure": key, "value": value} for key, value in data["guides"].items()],
        ),
        "helpfulness-by-topic": (
            ["topic", "ratings", "helpful_percent", "suppressed"],
            [{**row, "suppressed": _flag(row["ratings"])} for row in data["helpfulness"]],
        ),
        "events": (
            ["measure", "value", "suppressed"],
            [
                {"measure": key, "value": data["events"][key], "suppressed": _flag(data["events"][key])}
                for key in (
                    "sessions_held",
                    "sessions_cancelled",
                    "people_reached",
                    "survey_answers",
                    "average_satisfaction",
                )
            ],
        ),
        "people-reached-by-region": (
            ["region", "people", "suppressed"],
            [{**row, "suppressed": _flag(row["people"])} for row in data["events"]["people_by_region"]],
        ),
        "forum-questions": (
            ["measure", "value", "suppressed"],
            [
                {"measure": key, "value": data["forums"][key], "suppressed": _flag(data["forums"][key])}
                for key in ("questions", "answered", "official_answers", "median_days_to_official_answer")
            ],
        ),
        "suggestions-by-status": (
            ["status", "count", "suppressed"],
            [
                {"status": key, "count": value, "suppressed": _flag(value)}
                for key, value in data["forums"]["suggestions_by_status"].items()
            ],
        ),
        "complaints-by-category": (
            ["category", "count", "suppressed"],
            [
                {"category": key, "count": value, "suppressed": _flag(value)}
                for key, value in complaints["by_category"].items()
            ],
        ),
        "complaints-by-status": (
            ["status", "count", "suppressed"],
            [
                {"status": key, "count": value, "suppressed": _flag(value)}
                for key, value in complaints["by_status"].items()
            ],
        ),
        "complaints-times": (
            ["measure", "value", "suppressed"],
            [
                {"measure": key, "value": complaints[key], "suppressed": _flag(complaints[key])}
                for key in (
                    "total",
                    "median_days_to_first_response",
                    "median_days_to_resolution",
                    "first_response_within_target",
                    "resolved_within_target",
                )
            ],
        ),
    }


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
