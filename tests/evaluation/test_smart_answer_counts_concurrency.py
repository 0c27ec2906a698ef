"""Readers arriving at the same step at the same moment are all counted (PostgreSQL).

Each arrival is its own thread with its own connection, as in production, so the first
ones race to create the day's row: one creates it, the others must update it, and no
arrival may be lost. The rows are written outside the test's transaction, on a day of
their own, and removed afterwards.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from django.db import connection, connections

from cms.models import SmartAnswerPage
from evaluation import flow_counts
from evaluation.models import FlowStep
from tests.helpers import in_thread

ARRIVALS = 60
DAY = date(2031, 1, 2)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent connections need PostgreSQL; `make test` runs this file again on PostgreSQL",
)


def arrive(page, barrier):
    barrier.wait()
    try:
        flow_counts.record(page, "", "days_over", False, day=DAY)
    finally:
        connections.close_all()


def forget():
    FlowStep.objects.filter(day=DAY).delete()


@pytest.fixture
def overstay(db):
    page = SmartAnswerPage.objects.get(slug="melewati-izin-tinggal")
    yield page
    in_thread(forget)


def test_simultaneous_arrivals_are_all_counted_in_one_row(overstay):
    barrier = threading.Barrier(ARRIVALS)
    with ThreadPoolExecutor(max_workers=ARRIVALS) as pool:
        list(pool.map(lambda _number: arrive(overstay, barrier), range(ARRIVALS)))
    rows = in_thread(lambda: list(FlowStep.objects.filter(day=DAY).values_list("to_step", "count")))
    assert rows == [("days_over", ARRIVALS)]
