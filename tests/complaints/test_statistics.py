"""Public statistics, checked against figures worked out by hand, with small counts suppressed."""

import itertools
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from complaints import statistics
from complaints.models import Complaint, Office

pytestmark = pytest.mark.django_db
numbers = itertools.count(1)


def local(*args):
    return datetime(*args, tzinfo=timezone.get_current_timezone())


def make(received, category="service", status="received", first_days=None, resolved_days=None):
    number = next(numbers)
    return Complaint.objects.create(
        code_hash=f"stat-code-{number}",
        form_token_hash=f"stat-token-{number}",
        category=category,
        office=Office.objects.first(),
        description="x",
        happened_on=received.date(),
        language="id",
        status=status,
        received_at=received,
        first_response_at=received + timedelta(days=first_days) if first_days is not None else None,
        resolved_at=received + timedelta(days=resolved_days) if resolved_days is not None else None,
    )


@pytest.fixture
def year_2020(limits):
    """15 complaints received on Monday 2 March 2020, 09:00 (targets: 5 and 20 working days)."""
    limits(
        "complaints",
        FIRST_RESPONSE_WORKING_DAYS=5,  # due Monday 9 March: within if <= 7 days
        RESOLUTION_WORKING_DAYS=20,  # due Monday 30 March: within if <= 28 days
        HOLIDAYS=(),
    )
    received = local(2020, 3, 2, 9, 0)
    statuses = ["resolved"] * 6 + ["closed"] * 5 + ["in_progress"] * 2 + ["rejected", "received"]
    categories = ["service"] * 7 + ["misconduct"] * 5 + ["illegal"] * 2 + ["suggestion"]
    first = [1, 1, 2, 2, 3, 3, 3, 4, 4, 7, 8, 9, 10, 14, None]
    resolved = [5, 10, 12, 20, 25, 26, 28, 30, 40, 50, 60] + [None] * 4
    for status, category, first_days, resolved_days in zip(
        statuses, categories, first, resolved, strict=True
    ):
        make(received, category, status, first_days, resolved_days)
    make(local(2019, 12, 31, 23, 59), "service", "closed", 1, 2)  # just before the period
    make(local(2021, 1, 1, 0, 0), "service", "closed", 1, 2)  # the period's end is excluded


def test_figures_match_the_hand_computed_ones(year_2020):
    start, end = statistics.year_bounds(2020)
    stats = statistics.public_statistics(start, end, now=local(2020, 12, 31, 12, 0))
    assert stats["total"] == 15
    # illegal (2) and suggestion (1) are under 5; two are hidden, so no extra hiding is needed.
    assert stats["by_category"] == {"service": 7, "misconduct": 5, "illegal": None, "suggestion": None}
    assert stats["by_status"] == {
        "received": None,
        "verified": None,
        "in_progress": None,
        "resolved": 6,
        "closed": 5,
        "rejected": None,
    }
    # 14 first responses: the 7th and 8th of the sorted days are 3 and 4.
    assert stats["median_days_to_first_response"] == 3.5
    # 10 answered by 9 March; the unanswered one is overdue too: 10 of 15.
    assert stats["first_response_within_target"] == round(10 / 15, 3)
    # 11 resolutions: the 6th of the sorted days is 26.
    assert stats["median_days_to_resolution"] == 26.0
    # 7 resolved by 30 March; 4 later; 3 unresolved past the target (rejected excluded): 7 of 14.
    assert stats["resolved_within_target"] == 0.5


def test_one_hidden_count_is_not_left_to_be_worked_out_from_the_total():
    counter = {"service": 10, "misconduct": 6, "illegal": 5, "suggestion": 3}
    shown = statistics._breakdown(counter, ["service", "misconduct", "illegal", "suggestion"])
    assert shown == {"service": 10, "misconduct": 6, "illegal": None, "suggestion": None}


def test_small_periods_show_no_figures(settings):
    received = local(2018, 6, 4, 9, 0)
    for _ in range(4):
        make(received, "misconduct", "resolved", 1, 2)
    stats = statistics.public_statistics(*statistics.year_bounds(2018), now=local(2018, 12, 31))
    assert stats["total"] is None
    assert set(stats["by_category"].values()) == {None}
    assert stats["median_days_to_first_response"] is None
    assert stats["median_days_to_resolution"] is None
    assert stats["first_response_within_target"] is None and stats["resolved_within_target"] is None


def test_the_public_page_shows_fewer_than_5(client, year_2020):
    with translation.override("en"):
        response = client.get(reverse("complaints:statistics"), {"year": "2020"})
    assert response.status_code == 200
    html = " ".join(response.content.decode().split())
    assert html.count("fewer than 5") == 6  # 2 categories and 4 statuses
    assert "Reports received</dt><dd>15</dd>" in html and "3.5 days" in html and "50 %" in html


def test_a_bad_year_falls_back_to_this_year(client):
    assert client.get(reverse("complaints:statistics"), {"year": "abc"}).status_code == 200
