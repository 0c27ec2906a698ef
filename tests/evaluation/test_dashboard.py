"""Dashboard figures checked against hand-computed numbers on fixed data."""

from datetime import UTC, date, datetime, time

import pytest
from django.urls import reverse

from agenda.models import Registration
from cms.models import GuidePage, TopicPage
from evaluation import dashboard, periods
from evaluation.models import EventFeedback, PageRating

YEAR = "2025"
pytestmark = pytest.mark.django_db


def at(month, day):
    return datetime(2025, month, day, 10, tzinfo=UTC)


@pytest.fixture
def year_2025(make_event):
    """Ratings and events in 2025 (the demo has none then)."""
    visa = TopicPage.objects.get(slug="visa")
    passports = TopicPage.objects.get(slug="paspor")
    visa_guide = GuidePage.objects.child_of(visa).live().first()
    passport_guide = GuidePage.objects.child_of(passports).live().first()
    rows = [(visa_guide, True)] * 6 + [(visa_guide, False)] * 2 + [(passport_guide, True)] * 3
    PageRating.objects.bulk_create(
        PageRating(
            page=page, language="en", helpful=helpful, visitor=f"v{n}", day=at(3, 1).date(), created=at(3, 1)
        )
        for n, (page, helpful) in enumerate(rows)
    )
    bali = make_event(
        [{"date": date(2025, 5, 10), "region": "Bali", "time_zone": "Asia/Makassar", "capacity": 50}]
    )
    papua = make_event([{"date": date(2025, 6, 10), "region": "Papua", "time_zone": "Asia/Jayapura"}])
    make_event([{"date": date(2025, 7, 1), "status": "cancelled"}])
    bali_session, papua_session = bali.sessions.get(), papua.sessions.get()
    for number in range(4):
        registration = Registration.objects.create(
            session=bali_session,
            name="x",
            email=f"b{number}@example.org",
            people=2,
            status="confirmed",
            consent=True,
        )
        EventFeedback.objects.create(registration=registration, satisfaction=4 + number % 2)
    Registration.objects.create(
        session=bali_session, name="x", email="gone@example.org", people=9, status="cancelled"
    )
    Registration.objects.create(
        session=papua_session, name="x", email="p@example.org", people=3, status="confirmed"
    )
    return visa, passports


def test_figures_match_the_hand_computed_ones(year_2025):
    visa, passports = year_2025
    data = dashboard.compute(periods.resolve(YEAR))
    helpfulness = {row["topic"]: row for row in data["guides"]["helpfulness"]}
    assert helpfulness["visa"] == {"topic": "visa", "ratings": 8, "helpful_percent": 75.0}
    assert helpfulness["paspor"] == {"topic": "paspor", "ratings": None, "helpful_percent": None}  # 3 < 5
    events = data["events"]
    assert events["sessions_held"] is None and events["sessions_cancelled"] is None  # 2 and 1 < 5
    assert events["people_reached"] == 11  # 4 x 2 in Bali + 3 in Papua; cancelled ones do not count
    assert events["people_by_region"] == [
        {"region": "Bali", "people": 8},
        {"region": "Papua", "people": None},
    ]
    surveys = data["event_surveys"]  # evaluation's own section, of agenda's attendees
    assert surveys == {"survey_answers": None, "average_satisfaction": None}  # 4 answers < 5


def test_survey_figures_count_answers_of_sessions_held_in_the_period(year_2025):
    bali = Registration.objects.filter(session__region="Bali", status="confirmed").first().session
    for number in range(2):
        registration = Registration.objects.create(
            session=bali, name="x", email=f"late{number}@example.org", people=1, status="confirmed"
        )
        EventFeedback.objects.create(registration=registration, satisfaction=1)
    assert dashboard.compute(periods.resolve(YEAR))["event_surveys"] == {
        "survey_answers": 6,
        "average_satisfaction": 3.33,  # (4 + 5 + 4 + 5 + 1 + 1) / 6
    }
    assert dashboard.compute(periods.resolve("2024"))["event_surveys"]["survey_answers"] is None


def test_every_app_contributes_its_section_through_the_hook():
    assert [section.key for section in dashboard.sections()] == [
        "guides",
        "smart_answers",
        "events",
        "event_surveys",
        "forums",
        "complaints",
    ]


def test_dashboard_page_and_open_data(client, year_2025):
    html = client.get("/en/transparency/?period=2025").content.decode()
    assert "75 %" in html and "fewer than 5" in html
    assert "<table" in html and 'class="chart"' in html
    as_json = client.get(
        reverse("evaluation:dataset", kwargs={"name": "helpfulness-by-topic", "file_format": "json"})
        + "?period=2025"
    )
    payload = as_json.json()
    assert payload["licence"].startswith("CC BY 4.0") and payload["columns"][:2] == ["period", "topic"]
    row = {"period": "2025", "topic": "visa", "ratings": 8, "helpful_percent": 75.0, "suppressed": False}
    assert row in payload["rows"]
    as_csv = client.get(
        reverse("evaluation:dataset", kwargs={"name": "people-reached-by-region", "file_format": "csv"})
        + "?period=2025"
    )
    assert as_csv.content.decode().splitlines() == [
        "period,region,people,suppressed",
        "2025,Bali,8,0",
        "2025,Papua,,1",
    ]


def test_no_personal_data_in_any_export(client, year_2025):
    PageRating.objects.filter(created=at(3, 1)).update(comment="[email] wrote")
    for name in [
        "guides",
        "helpfulness-by-topic",
        "smart-answers",
        "smart-answer-outcomes",
        "events",
        "event-surveys",
        "people-reached-by-region",
        "forum-questions",
        "suggestions-by-status",
        "complaints-by-category",
        "complaints-by-status",
        "complaints-times",
    ]:
        for file_format in ("csv", "json"):
            body = client.get(
                reverse("evaluation:dataset", kwargs={"name": name, "file_format": file_format})
                + "?period=2025"
            ).content.decode()
            assert "@example.org" not in body and "wrote" not in body and "Registration" not in body


def test_an_empty_period_and_an_unknown_one_are_explained(client):
    empty = client.get("/en/transparency/?period=2024")
    assert empty.status_code == 200 and "Little or nothing was recorded" in empty.content.decode()
    unknown = client.get("/en/transparency/?period=1999")
    assert unknown.status_code == 200 and "We do not know that period" in unknown.content.decode()
    bad = client.get(
        reverse("evaluation:dataset", kwargs={"name": "guides", "file_format": "json"}) + "?period=nope"
    )
    assert bad.status_code == 400
    assert (
        client.get(reverse("evaluation:dataset", kwargs={"name": "users", "file_format": "json"})).status_code
        == 404
    )


@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_dashboard_in_every_language(client, language):
    response = client.get(f"/{language}/transparency/")
    assert response.status_code == 200


def test_figures_are_cached_and_refreshed_by_the_task(year_2025):
    period = periods.resolve(YEAR)
    first = dashboard.figures(period)
    PageRating.objects.all().delete()
    assert dashboard.figures(period) == first  # served from the cache
    dashboard.refresh(now=datetime.combine(date(2025, 12, 31), time(12), tzinfo=UTC))
    assert dashboard.figures(period)["guides"] != first["guides"]


def test_forum_figures_count_visible_threads_only(make_user):
    from datetime import timedelta

    from forums.models import Board, Member, Post, PostState, Thread, ThreadKind, ThreadStatus

    board = Board.objects.first()
    asker = Member.objects.create(user=make_user("penanya"), display_name="Penanya 2025")
    official = Member.objects.create(
        user=make_user("petugas2025", is_staff=True), display_name="Petugas 2025"
    )
    for number in range(6):
        created = at(4, 1 + number)
        thread = Thread.objects.create(
            board=board,
            kind=ThreadKind.QUESTION,
            title=f"Pertanyaan {number}",
            language="id",
            author=asker,
            created_at=created,
            status=ThreadStatus.ANSWERED if number < 5 else ThreadStatus.OPEN,
        )
        Post.objects.create(
            thread=thread,
            author=asker,
            body="?",
            is_opening=True,
            state=PostState.APPROVED,
            created_at=created,
            body_hash=f"q{number}",
        )
        if number < 5:
            Post.objects.create(
                thread=thread,
                author=official,
                body="!",
                is_official=True,
                state=PostState.APPROVED,
                created_at=created + timedelta(days=number + 1),
                body_hash=f"a{number}",
            )
    hidden = Thread.objects.create(
        board=board, kind=ThreadKind.QUESTION, title="Tersembunyi", language="id", created_at=at(4, 20)
    )
    Post.objects.create(
        thread=hidden, body="x", is_opening=True, state=PostState.HIDDEN, created_at=at(4, 20), body_hash="h"
    )
    forums = dashboard.compute(periods.resolve(YEAR))["forums"]
    assert forums["questions"] == 6 and forums["answered"] == 5 and forums["official_answers"] == 5
    assert forums["median_days_to_official_answer"] == 3.0  # waits of 1, 2, 3, 4, 5 days
