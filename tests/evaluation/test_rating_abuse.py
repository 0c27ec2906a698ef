"""Helpfulness votes cannot be stuffed: rotating the browser from one network is a burst,
kept for editors and flagged, left out of the public figures; other sites cannot make their
visitors vote (Origin / Sec-Fetch-Site, no cookie needed)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluation import figures, ratings

from .test_ratings import mine

pytestmark = pytest.mark.django_db


def rate(client, page, answer, **headers):
    """POST a rating with these request headers (``REMOTE_ADDR``, ``HTTP_ORIGIN``...)."""
    return client.post(
        reverse("evaluation:rate", kwargs={"page_id": page.pk}), {"helpful": answer}, **headers
    )


def stuff(client, page, times, address="203.0.113.7", answer="no"):
    return [
        rate(client, page, answer, REMOTE_ADDR=address, HTTP_USER_AGENT=f"Browser/{n}").status_code
        for n in range(times)
    ]


def test_one_rating_per_page_per_browser_and_network_per_day(client, guide):
    rate(client, guide, "no", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Firefox")
    rate(client, guide, "yes", REMOTE_ADDR="203.0.113.99", HTTP_USER_AGENT="Firefox")  # same /24
    assert mine(guide).count() == 1 and mine(guide).get().helpful is True


def test_a_burst_from_one_network_is_flagged_and_left_out_of_public_figures(client, guide, limits):
    limits("evaluation", RATINGS_PER_NETWORK_PAGE_DAY=3)
    stuff(client, guide, 2, address="198.51.100.1", answer="yes")
    assert not mine(guide).filter(flagged=True).exists()
    stuff(client, guide, 24)
    assert mine(guide).count() == 26  # kept for editors
    assert mine(guide).filter(flagged=True).count() == 24
    assert not mine(guide).filter(flagged=True, helpful=True).exists()
    start, end = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=1)
    counted = figures.public_ratings(start, end).filter(page=guide).exclude(visitor__startswith="demo")
    assert counted.count() == 2


def test_the_editors_report_shows_flagged_votes_apart(client, guide, limits, admin_client):
    limits("evaluation", RATINGS_PER_NETWORK_PAGE_DAY=3)
    stuff(client, guide, 6)
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = admin_client.get(reverse("evaluation_admin_helpfulness"))
    row = next(row for row in response.context["rows"] if row["page_id"] == guide.pk)
    assert row["flagged"] == 6  # shown apart, not in the share
    assert "Flagged as bursts" in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_a_cross_site_post_is_refused(client, guide, headers):
    response = rate(client, guide, "no", **headers)
    assert response.status_code == 403
    assert not mine(guide).exists()


def test_a_same_site_post_is_accepted(client, guide):
    response = rate(client, guide, "no", HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302 and mine(guide).count() == 1


def test_networks_are_slash_24_and_slash_64():
    assert (
        ratings.network("203.0.113.7") == ratings.network("203.0.113.250") != ratings.network("203.0.114.7")
    )
    assert ratings.network("2001:db8:1:2::5") == ratings.network("2001:db8:1:2:ffff::1")
    assert ratings.network("2001:db8:1:3::5") != ratings.network("2001:db8:1:2::5")
    assert ratings.network("not an address") == "not an address"
