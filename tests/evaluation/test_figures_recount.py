"""Figures that are right: every figure on the dashboard equals the open data and a recount
from the database; percentages are formatted by one helper, bars drawn to scale, each year
computed from that year, and every small count hidden on the page, in CSV and in JSON."""

import csv
import html
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from cms.models import GuidePage
from complaints.models import Category, Complaint, Office, Status
from core.public_figures import MINIMUM, bars, percent
from evaluation import dashboard, opendata, periods
from evaluation.models import PageRating

from .test_dashboard import at, year_2025  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
START, END = datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def complaints_2025(db):
    """Six complaints received in March 2025, answered and resolved within their targets."""
    office = Office.objects.first()
    for n in range(6):
        received = at(3, 3) + timedelta(hours=n)
        Complaint.objects.create(
            code_hash=f"recount{n}",
            form_token_hash=f"recount{n}",
            category=Category.SERVICE,
            office=office,
            description="x",
            happened_on=received.date(),
            language="en",
            status=Status.CLOSED,
            received_at=received,
            first_response_at=received + timedelta(days=1),
            resolved_at=received + timedelta(days=3),
            closed_at=received + timedelta(days=4),
        )


def facts(page):
    """{term: shown value} of every fact list on the page."""
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page)
    return {html.unescape(term): html.unescape(re.sub(r"<[^>]+>", "", value)) for term, value in pairs}


def dataset(client, name, file_format):
    url = reverse("evaluation:dataset", kwargs={"name": name, "file_format": file_format}) + "?period=2025"
    return client.get(url)


def test_percent_is_one_helper_for_shares():
    with translation.override("en"):
        assert percent(1.0) == "100 %"
        assert percent(0.593) == "59.3 %"
        assert percent(None) == "–"
    with translation.override("id"):
        assert percent(0.593) == "59,3 %"


def test_bars_of_shares_are_drawn_to_scale():
    rows = bars([("a", 0.59), ("b", 0.75), ("c", None)], full=1)
    assert [row["percent"] for row in rows] == [59.0, 75.0, 0]
    assert [row["text"] for row in rows][:2] == [percent(0.59), percent(0.75)]


def test_every_figure_on_the_page_equals_the_open_data_and_a_recount(client, year_2025, complaints_2025):  # noqa: F811
    page = client.get("/en/transparency/?period=2025").content.decode()
    shown = facts(page)
    # Complaints: a share of 1 is 100 %, and the first-response figure is shown.
    times = {
        row["measure"]: row["value"] for row in dataset(client, "complaints-times", "json").json()["rows"]
    }
    received = Complaint.objects.filter(received_at__gte=START, received_at__lt=END).count()
    assert times["total"] == received == 6 and shown["Received"] == "6"
    assert times["resolved_within_target"] == 1.0 and shown["Resolved within the target"] == "100 %"
    assert shown["First response within the target"] == "100 %"
    # Guides: counted from 2025's data (the demo's guides were published later).
    guides = {row["measure"]: row["value"] for row in dataset(client, "guides", "json").json()["rows"]}
    online = GuidePage.objects.live().filter(first_published_at__lt=END).count()
    assert guides["live"] == (online if online >= MINIMUM else None)
    assert shown["Guides online at the end of the period"] == (
        str(online) if online >= MINIMUM else "fewer than 5"
    )
    # Helpfulness: the bar of 75 % is drawn at 75 % of the width, from the recount.
    ratings = PageRating.objects.filter(created__gte=START, created__lt=END, flagged=False)
    visa = ratings.filter(page__path__startswith=year_2025[0].path)
    assert round(100 * visa.filter(helpful=True).count() / visa.count(), 1) == 75.0
    assert 'width="75.0"' in page and "75 %" in page
    # Events: 2 sessions held is a small count: hidden everywhere.
    events = {row["measure"]: row for row in dataset(client, "events", "json").json()["rows"]}
    assert events["sessions_held"]["value"] is None and events["sessions_held"]["suppressed"] is True
    assert shown["Sessions held"] == "fewer than 5"


def test_no_small_count_in_any_dataset_or_on_the_page(client, year_2025, complaints_2025):  # noqa: F811
    for name in opendata.datasets(dashboard.compute(periods.resolve("2025"))):
        for row in dataset(client, name, "json").json()["rows"]:
            for column, value in row.items():
                if isinstance(value, int) and not isinstance(value, bool):
                    assert value >= MINIMUM, (name, column, row)
        for row in csv.DictReader(io.StringIO(dataset(client, name, "csv").content.decode())):
            for column, value in row.items():
                if column != "suppressed":  # 0 or 1: a flag, not a count
                    assert not re.fullmatch(r"[0-4]", value), (name, row)
    page = client.get("/en/transparency/?period=2025").content.decode()
    for term, value in facts(page).items():
        assert not re.fullmatch(r"[0-4]", value), term
