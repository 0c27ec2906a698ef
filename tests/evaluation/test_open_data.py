"""Open data a journalist can use: a data dictionary, one convention for suppressed figures,
a period column, stable addresses per period, and a datapackage.json that validates."""

import csv
import io
import json

import pytest
from django.urls import reverse
from frictionless import Package

from evaluation import dashboard, opendata, periods

from .test_dashboard import at, year_2025  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def names():
    return list(opendata.datasets(dashboard.compute(periods.resolve("2025"))))


def test_every_dataset_and_column_is_in_the_dictionary(year_2025):  # noqa: F811
    described = opendata.dictionary()
    data = dashboard.compute(periods.resolve("2025"))
    for name, (columns, _rows) in opendata.datasets(data).items():
        assert name in described, f"{name} is not in the data dictionary"
        assert columns == [column.name for column in opendata.all_columns(described[name])], name
    assert set(described) == set(opendata.datasets(data))


def test_suppressed_is_true_false_in_json_and_1_0_in_csv_with_the_period_on_every_row(
    client,
    year_2025,  # noqa: F811
):
    for name in names():
        rows = client.get(reverse("evaluation:dataset_of_period", args=["2025", name, "json"])).json()["rows"]
        assert rows and all(row["period"] == "2025" and isinstance(row["suppressed"], bool) for row in rows)
        text = client.get(
            reverse("evaluation:dataset_of_period", args=["2025", name, "csv"])
        ).content.decode()
        table = list(csv.DictReader(io.StringIO(text)))
        assert {row["suppressed"] for row in table} <= {"0", "1"} and {row["period"] for row in table} == {
            "2025"
        }


def test_the_address_of_a_period_and_the_query_give_the_same_file(client, year_2025):  # noqa: F811
    stable = client.get("/en/transparency/data/2025/events.csv")
    query = client.get("/en/transparency/data/events.csv?period=2025")
    assert stable.status_code == 200 and stable.content == query.content
    assert client.get("/en/transparency/data/1999/events.csv").status_code == 400
    assert client.get("/en/transparency/data/1999/datapackage.json").status_code == 400


def test_the_datapackage_validates_with_frictionless(client, year_2025, tmp_path):  # noqa: F811
    """Every CSV of the period, saved beside the package as a user would download them."""
    package = client.get(reverse("evaluation:datapackage", args=["2025"])).json()
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in package["resources"]:
        csv_path = tmp_path / f"{resource['name']}.csv"
        csv_path.write_bytes(client.get(resource["path"]).content)
        resource["path"] = csv_path.name
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {resource["name"] for resource in package["resources"]} == set(names())


def test_the_data_dictionary_page_explains_units_codes_and_suppression_in_each_language(client):
    english = client.get("/en/transparency/data/").content.decode()
    assert "complaints-by-category" in english and "Misconduct or corruption" in english
    assert "share from 0 to 1" in english and "percent from 0 to 100" in english
    assert "under 5" in english and "CC BY 4.0" in english
    for language in ("id", "ar", "zh-hans"):
        page = client.get(f"/{language}/transparency/data/")
        assert page.status_code == 200 and "complaints-by-category" in page.content.decode()
