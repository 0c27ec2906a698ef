"""Where readers of smart answers go: arrivals at each step are counted (no answers kept),
shown to editors and, above the privacy threshold, on the public dashboard."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.models import SmartAnswerPage, StandardPage
from evaluation import dashboard, flow_counts, flow_demo, periods
from evaluation.models import FlowStep
from tests.helpers import turn_page_caches_on, url_in

pytestmark = pytest.mark.django_db

# The overstay demo flow: days_over -> reasons -> leaving -> pay_at_departure | pay_at_office,
# with over_60 and force_majeure reached by conditions.
TO_THE_CHECKPOINT = [
    {"start": "1"},
    {"days_over": "10"},
    {"days_over": "10", "reasons": "none"},
    {"days_over": "10", "reasons": "none", "leaving": "leave"},
]


@pytest.fixture(autouse=True)
def no_demo_counts(db):
    """The demo's counts (evaluation/flow_demo.py) set aside: these tests count from zero."""
    FlowStep.objects.all().delete()


@pytest.fixture
def overstay(db):
    return SmartAnswerPage.objects.get(slug="melewati-izin-tinggal")


def moves(page):
    return {
        (row.from_step, row.to_step, row.outcome): row.count
        for row in FlowStep.objects.filter(page=page, day=timezone.localdate())
    }


def test_walking_to_an_outcome_counts_one_start_each_move_and_one_outcome(client, overstay):
    url = url_in(overstay, "en")
    assert client.get(url).status_code == 200  # the start page is not a step
    assert moves(overstay) == {}
    for params in TO_THE_CHECKPOINT:
        assert client.get(url, params).status_code == 200
    assert moves(overstay) == {
        ("", "days_over", False): 1,
        ("days_over", "reasons", False): 1,
        ("reasons", "leaving", False): 1,
        ("leaving", "pay_at_departure", True): 1,
    }
    client.get(url_in(overstay, "ar"), {"days_over": "70"})  # a second reader, in Arabic
    counts = flow_counts.flow_counts(
        overstay, date.today() - timedelta(days=1), date.today() + timedelta(days=2)
    )
    assert (counts.starts, counts.outcomes) == (1, 2)
    by_key = {step.key: step for step in counts.steps}
    assert [step.key for step in counts.questions()] == ["days_over", "reasons", "leaving"]
    assert (by_key["days_over"].reached, by_key["days_over"].continued, by_key["days_over"].stopped) == (
        1,
        2,
        0,
    )
    assert (by_key["reasons"].reached, by_key["reasons"].stopped) == (1, 0)
    assert by_key["over_60"].reached == 1 and by_key["pay_at_office"].reached == 0


def test_a_reader_who_stops_is_counted_where_they_stopped(client, overstay):
    url = url_in(overstay, "en")
    for params in TO_THE_CHECKPOINT[:2]:
        client.get(url, params)
    today = timezone.localdate()
    counts = flow_counts.flow_counts(overstay, today, today + timedelta(days=1))
    stopped = {step.key: step.stopped for step in counts.questions()}
    assert stopped == {"days_over": 0, "reasons": 1, "leaving": 0}
    assert counts.outcomes == 0


@pytest.mark.parametrize(
    "params",
    [
        {"days_over": "10", "edit": "days_over"},  # the back link
        {"days_over": "10", "reasons": "none", "leaving": "leave", "edit": "reasons"},  # a change link
        {"days_over": "two"},  # an error: the same question again
        {"days_over": "10", "reasons": ""},  # submitted with nothing ticked
        {"reasons": "none"},  # a skipped step
    ],
)
def test_back_and_change_links_and_errors_are_not_arrivals(client, overstay, params):
    response = client.get(url_in(overstay, "en"), params)
    assert response.status_code == 200
    assert FlowStep.objects.count() == 0


def test_a_head_request_is_not_counted(client, overstay):
    assert client.head(url_in(overstay, "en"), {"start": "1"}).status_code == 200
    assert FlowStep.objects.count() == 0


def test_steps_are_not_answered_from_the_page_cache(client, overstay, settings):
    turn_page_caches_on(settings)
    url = url_in(overstay, "en")
    for _reader in range(2):
        response = client.get(url, {"start": "1"})
        assert "private" in response["Cache-Control"]
    assert moves(overstay) == {("", "days_over", False): 2}


def test_a_page_deleted_takes_its_counts_with_it(overstay):
    flow_counts.record(overstay, "", "days_over", False)
    flow_counts.record(overstay, "", "days_over", False)
    assert FlowStep.objects.get().count == 2
    overstay.delete()
    assert FlowStep.objects.count() == 0


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def counted(overstay):
    """Twelve starts (two of them 40 days ago), eight answers, readers stopping on the way."""
    for when, start, move, answer in [(days_ago(1), 10, 7, 6), (days_ago(40), 2, 2, 2)]:
        for _n in range(start):
            flow_counts.record(overstay, "", "days_over", False, day=when)
        for _n in range(move):
            flow_counts.record(overstay, "days_over", "reasons", False, day=when)
            flow_counts.record(overstay, "reasons", "leaving", False, day=when)
        for _n in range(answer):
            flow_counts.record(overstay, "leaving", "pay_at_office", True, day=when)
    return overstay


def test_editors_see_starts_answers_and_where_readers_stop(client, make_user, counted):
    url = reverse("evaluation_admin_smart_answers")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user("editor", "Editors"))
    report = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<caption>" in report and '<th scope="col">' in report
    row = re.search(
        r"<tr><th scope=\"row\"><a href=\"[^\"]+\">[^<]*overstayed[^<]*</a></th>(.*?)</tr>", report
    )
    assert row, report
    assert re.findall(r"<td>([^<]*)</td>", row.group(1)) == ["10", "6", "60 %"]  # the last 30 days
    year = client.get(url, {"period": "90d"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<td>12</td><td>8</td><td>67 %</td>" in year

    detail = client.get(
        reverse("evaluation_admin_smart_answer_steps", kwargs={"page_id": counted.pk}),
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    rows = re.findall(
        r'<tr><th scope="row"><code>(\w+)</code></th><td dir="auto">([^<]*)</td>(.*?)</tr>', detail
    )
    numbers = {key: re.findall(r"<td>(\d+)</td>", cells) for key, _title, cells in rows}
    assert [key for key, _title, _cells in rows] == [
        "days_over",
        "reasons",
        "leaving",
        "pay_at_departure",
        "pay_at_office",
        "force_majeure",
        "over_60",
    ]
    assert numbers["days_over"] == ["10", "7", "3"]  # reached, went on, stopped here
    assert numbers["leaving"] == ["7", "6", "1"]
    assert numbers["pay_at_office"] == ["6"]
    assert {key: title for key, title, _cells in rows}["days_over"] == (
        "How many days have you stayed past your permit?"
    )


def test_the_report_needs_an_editor(client, make_user, counted):
    client.force_login(make_user("organiser", "Event organisers"))
    assert client.get(reverse("evaluation_admin_smart_answers")).status_code in (302, 403)


def test_dashboard_shows_counts_at_the_threshold_and_hides_smaller_ones(client, counted):
    for _n in range(4):
        flow_counts.record(counted, "leaving", "pay_at_departure", True, day=days_ago(1))
    data = dashboard.compute(periods.resolve("30d"))
    (row,) = [row for row in data["smart_answers"]["flows"] if row["flow"] == counted.slug]
    assert row["started"] == 10 and row["outcomes_reached"] == 10
    reached = {outcome["outcome"]: outcome["reached"] for outcome in row["outcomes"]}
    assert reached == {"pay_at_departure": None, "pay_at_office": 6, "force_majeure": None, "over_60": None}

    html = client.get("/en/transparency/?period=30d").content.decode()
    section = html[html.index('id="h-smart-answers"') :]
    section = section[: section.index("</section>")]
    assert "I overstayed my permit" in section
    assert '<th scope="row">Go to an immigration office and pay the charge</th><td>6</td>' in section
    assert (
        '<th scope="row">Pay the charge at the immigration checkpoint when you leave</th><td>fewer than 5</td>'
        in section
    )
    as_csv = client.get(
        reverse("evaluation:dataset", kwargs={"name": "smart-answer-outcomes", "file_format": "csv"})
        + "?period=30d"
    ).content.decode()
    assert "30d,melewati-izin-tinggal,pay_at_office,6,0" in as_csv.splitlines()
    assert "30d,melewati-izin-tinggal,pay_at_departure,,1" in as_csv.splitlines()
    measures = client.get(
        reverse("evaluation:dataset", kwargs={"name": "smart-answers", "file_format": "json"}) + "?period=30d"
    ).json()
    assert {
        "period": "30d",
        "flow": "melewati-izin-tinggal",
        "measure": "started",
        "value": 10,
        "suppressed": False,
    } in measures["rows"]


def test_the_dashboard_names_flows_and_outcomes_in_the_readers_language(client, counted):
    html = client.get("/ar/transparency/?period=30d").content.decode()
    section = html[html.index('id="h-smart-answers"') :]
    with_arabic = counted.title_ar
    assert with_arabic and with_arabic in section


def test_the_demo_counts_readers_walking_every_sample_flow():
    assert flow_demo.load() > 0
    assert flow_demo.load() == 0  # once
    today = timezone.localdate()
    for page in SmartAnswerPage.objects.live():
        counts = flow_counts.flow_counts(page, today - timedelta(days=29), today + timedelta(days=1))
        assert counts.starts > 0 and 0 < counts.outcomes < counts.starts
        for step in counts.questions():
            assert step.step is not None and step.continued <= step.reached  # nobody changed an answer
        assert sum(step.stopped for step in counts.questions()) == counts.starts - counts.outcomes


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("id", "jawaban Anda tetap di alamat halaman dan tidak disimpan"),
        ("en", "your answers stay in the page’s address and are not stored"),
        ("ar", "تبقى إجاباتك في عنوان الصفحة ولا تُحفظ"),
        ("zh-hans", "您的回答只保留在页面地址中，不会被保存"),
    ],
)
def test_the_privacy_notice_says_what_smart_answers_count(client, language, words):
    notice = StandardPage.objects.get(slug="privasi")
    assert words in client.get(url_in(notice, language)).content.decode()


def test_a_flow_not_translated_is_named_in_indonesian_and_marked_so(client, counted):
    counted.title_ar = ""
    counted.save()
    html = client.get("/ar/transparency/?period=30d").content.decode()
    section = html[html.index('id="h-smart-answers"') :]
    assert f'<h3 lang="id" dir="ltr">{counted.title_ind}</h3>' in section
