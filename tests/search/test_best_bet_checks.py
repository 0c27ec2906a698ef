"""What a best bet may be: a web address of another site or a page, once per query and
position, at most three shown at a time, dates that can still be met; its query compared as
search compares words; and the admin list telling which bets are shown and why not."""

import html
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from cms.models import GuidePage
from search import best_bets
from search.models import BestBet, Concept

pytestmark = pytest.mark.django_db

CHOOSE_THE_PAGE = "This address is on this site: choose the page instead"
NOT_AN_ADDRESS = "Give a full web address of another site"


@pytest.fixture
def guides():
    return list(GuidePage.objects.live().public().order_by("pk")[:5])


def bet(**fields):
    item = BestBet(**{"language": "en", "position": 1, **fields})
    with translation.override("en"):
        item.full_clean()
    item.save()
    return item


def refusal(**fields):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        bet(**fields)
    with translation.override("en"):
        return " ".join(refused.value.messages)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("javascript:alert(document.cookie)", NOT_AN_ADDRESS),
        ("not a url at all", NOT_AN_ADDRESS),
        ("ftp://example.org/file", NOT_AN_ADDRESS),
        ("/id/visa/golden-visa/", CHOOSE_THE_PAGE),
        ("//localhost/id/visa/", CHOOSE_THE_PAGE),
        ("http://localhost:8000/id/visa/golden-visa/", CHOOSE_THE_PAGE),
        ("https://TESTSERVER/en/", CHOOSE_THE_PAGE),
    ],
)
def test_an_address_that_is_no_web_address_or_is_on_this_site_is_refused(address, reason):
    assert reason in refusal(query="kitas", url=address, title="A link")
    assert not BestBet.objects.exists()


def test_a_web_address_of_another_site_is_accepted():
    bet(query="kitas", url="https://www.imigrasi.go.id/en/kitas?x=1", title="KITAS")
    assert BestBet.objects.get().url == "https://www.imigrasi.go.id/en/kitas?x=1"


def test_the_admin_form_says_why_an_address_is_refused(admin_client):
    data = {"language": "en", "query": "cookie", "url": "javascript:alert(document.cookie)", "title": "x"}
    data.update({"position": 1, "page": ""})
    response = admin_client.post(
        reverse("wagtailsnippets_search_bestbet:add"), data, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200 and not BestBet.objects.exists()
    assert NOT_AN_ADDRESS in html.unescape(response.content.decode())


def test_an_unsafe_address_saved_before_the_check_is_never_shown(client, indexed):
    BestBet.objects.create(
        language="en", query="cookie jar", url="javascript:alert(document.cookie)", title="Bad"
    )
    BestBet.objects.create(
        language="en", query="cookie jar", url="not a url at all", title="Worse", position=2
    )
    assert best_bets.pinned("cookie jar", "en") == []
    page = client.get("/en/search/", {"q": "cookie jar"}).content.decode()
    assert "javascript:" not in page and "Worse" not in page


def test_the_same_page_twice_for_one_query_is_refused_however_the_query_is_typed(guides):
    bet(query="surat ungu", page=guides[0], ends=timezone.now() + timedelta(days=7))
    assert "already pinned to this query" in refusal(query="Surat  Ungu", page=guides[0], position=2)
    assert "already pinned to this query" in refusal(query="surat ungu?", page=guides[0], position=2)
    bet(query="Surat  Ungu", page=guides[0], language="id")  # another language is another list
    later = timezone.now() + timedelta(days=30)
    bet(query="surat ungu", page=guides[0], position=2, starts=later)  # not shown at the same time


def test_the_same_address_twice_for_one_concept_is_refused():
    concept = Concept.objects.get(key="kitas")
    bet(concept=concept, url="https://example.org/kitas", title="KITAS")
    assert "already pinned" in refusal(
        concept=concept, url="https://example.org/kitas", title="Again", position=2
    )


def test_two_bets_in_one_position_are_refused(guides):
    bet(query="golden visa", page=guides[0], position=1)
    assert "Position 1 is already taken" in refusal(query="Golden visa", page=guides[1], position=1)
    bet(query="golden visa", page=guides[1], position=2)


def test_only_bets_shown_at_the_same_time_count_towards_the_limit(guides):
    now = timezone.now()

    def day(number):
        return now + timedelta(days=number)

    withdrawn, private, *live = guides
    bet(query="kitas sponsor", page=withdrawn, position=1)
    bet(query="kitas sponsor", page=private, position=2)
    bet(query="kitas sponsor", page=live[0], position=3, starts=day(10), ends=day(20))
    withdrawn.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # The bets on an unpublished and a private page are not shown, the third not before day 10.
    bet(query="kitas sponsor", page=live[1], position=1, ends=day(7))
    bet(query="kitas sponsor", url="https://example.org/a", title="A", position=2, ends=day(7))
    bet(query="kitas sponsor", page=live[2], position=3, ends=day(5))  # three shown until day 5
    assert "At most 3" in refusal(
        query="kitas sponsor", url="https://example.org/b", title="B", starts=day(1), ends=day(3)
    )
    bet(query="kitas sponsor", url="https://example.org/b", title="B", starts=day(8))  # with one, from day 10


def test_a_bet_matches_its_query_as_search_compares_words(indexed, guides):
    bet(query="绿卡抽签", page=guides[0], language="zh-hans")
    bet(query="kitas sponsor?", page=guides[1])
    for typed in ("绿卡抽签？", "绿卡抽签。", "绿卡 抽签", " 绿卡抽签 "):
        assert [result.url for result in best_bets.pinned(typed, "zh-hans")] == [guides[0].get_url()], typed
    for typed in ("kitas sponsor", "KITAS, sponsor!", "kitas   sponsor?"):
        assert [result.url for result in best_bets.pinned(typed, "en")] == [guides[1].get_url()], typed
    assert best_bets.pinned("kitas", "en") == [] and best_bets.pinned("sponsor kitas", "en") == []
    assert BestBet.objects.get(language="en").query_key == "kitas sponsor"


def test_a_query_of_punctuation_alone_is_refused():
    assert "at least one word" in refusal(query="？？", url="https://example.org/", title="x")


def test_an_end_already_past_or_before_the_start_is_refused(guides):
    now = timezone.now()
    assert "has passed" in refusal(query="ended", page=guides[0], ends=now - timedelta(minutes=1))
    assert "after the start" in refusal(
        query="ended", page=guides[0], starts=now + timedelta(days=2), ends=now + timedelta(days=1)
    )
    bet(query="ended", page=guides[0], starts=now - timedelta(days=2), ends=now + timedelta(days=1))


@pytest.fixture
def listed(guides):
    now = timezone.now()
    unpublished, private, *others = guides
    bet(query="status live", page=others[0])
    bet(query="status scheduled", page=others[1], starts=now + timedelta(days=3))
    BestBet.objects.create(
        language="en", query="status expired", page=others[2], ends=now - timedelta(days=1)
    )
    bet(query="status unpublished", page=unpublished)
    bet(query="status private", page=private)
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return guides


def test_the_list_shows_whether_each_bet_is_shown_and_why_not(admin_client, listed):
    response = admin_client.get(reverse("wagtailsnippets_search_bestbet:list"), HTTP_ACCEPT_LANGUAGE="en")
    page = html.unescape(response.content.decode())
    rows = page.split("<tr")[1:]

    def row(query):
        [found] = [row for row in rows if f"{query} →" in row]
        return found

    assert ">Status<" in page.replace("\n", "").replace(" ", "")
    assert "Live" in row("status live") and "Scheduled" in row("status scheduled")
    assert "Expired" in row("status expired")
    assert "Withdrawn: the page is unpublished" in row("status unpublished")
    assert "Withdrawn: the page is private" in row("status private")
    statuses = ["live", "scheduled", "expired", "unpublished", "private"]
    assert [bet.status() for bet in BestBet.objects.order_by("pk")] == statuses
    assert [bet.status() for bet in BestBet.objects.with_page_state().order_by("pk")] == statuses


def test_a_bet_on_a_page_below_a_private_one_is_withdrawn(guides):
    item = bet(query="below", page=guides[0])
    PageViewRestriction.objects.create(page=guides[0].get_parent(), restriction_type="login")
    assert BestBet.objects.with_page_state().get(pk=item.pk).status() == "private"
    assert BestBet.objects.get(pk=item.pk).status() == "private"


def test_the_list_can_be_searched(admin_client, listed):
    url = reverse("wagtailsnippets_search_bestbet:list")

    def found(text):
        response = admin_client.get(url, {"q": text}, HTTP_ACCEPT_LANGUAGE="en")
        return sorted(bet.query for bet in response.context["object_list"])

    assert found("Status  Private?") == ["status private"]
    assert found(listed[2].title_en or listed[2].title_ind) == ["status live"]
    assert found("nothing like this") == []
