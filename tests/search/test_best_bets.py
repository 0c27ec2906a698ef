"""Best bets: results editors pin to a query or a glossary concept, per language, for a time;
shown first and marked, and gone with their page when it is unpublished or made private."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from cms.models import GuidePage
from search import best_bets
from search.models import BestBet, Concept

pytestmark = pytest.mark.django_db


@pytest.fixture
def pinned_guide():
    return GuidePage.objects.live().get(slug="paspor-hilang-atau-rusak")


def bet(**fields):
    item = BestBet(**{"language": "en", "position": 1, **fields})
    item.full_clean()
    item.save()
    return item


def test_a_page_pinned_to_a_query_comes_first_and_is_marked(client, indexed, pinned_guide):
    bet(query="Beach holidays", page=pinned_guide)
    html = client.get("/en/search/", {"q": "beach  HOLIDAYS"}).content.decode()
    assert "Recommended by the editors" in html
    pinned = html[html.index('class="best-bets"') : html.index("</section>", html.index('class="best-bets"'))]
    assert f'href="{pinned_guide.get_url()}"' in pinned and "best-bet__mark" in pinned
    assert html.count(f'href="{pinned_guide.get_url()}"') == 1  # not repeated among the results
    assert "No page answers this question" not in html  # an editor chose an answer


def test_a_bet_on_a_concept_answers_any_of_its_terms_in_any_language(indexed, pinned_guide):
    bet(concept=Concept.objects.get(key="paspor-hilang"), page=pinned_guide)
    assert [result.url for result in best_bets.pinned("lost passport", "en")] == [pinned_guide.get_url()]
    assert best_bets.pinned("护照丢失", "en")  # the concept's Chinese term, on the English site
    assert best_bets.pinned("lost passport", "id") == []  # bets are per language


def test_a_bet_is_shown_only_between_its_dates(indexed, pinned_guide):
    now = timezone.now()
    bet(query="later", page=pinned_guide, starts=now + timedelta(days=1))
    # A bet that has ended since it was saved (one ending in the past is refused when saved).
    BestBet.objects.create(
        language="en",
        query="over",
        page=pinned_guide,
        starts=now - timedelta(days=9),
        ends=now - timedelta(days=1),
    )
    assert best_bets.pinned("later", "en") == [] and best_bets.pinned("over", "en") == []


def test_a_bet_disappears_with_its_page_unpublished_or_made_private(indexed, pinned_guide):
    bet(query="withdrawn", page=pinned_guide)
    assert best_bets.pinned("withdrawn", "en")
    restriction = PageViewRestriction.objects.create(page=pinned_guide, restriction_type="login")
    assert best_bets.pinned("withdrawn", "en") == []
    restriction.delete()
    pinned_guide.unpublish()
    assert best_bets.pinned("withdrawn", "en") == []


def test_an_address_with_a_title_can_be_pinned(indexed):
    bet(query="status", url="https://www.imigrasi.go.id/en/", title="Directorate General of Immigration")
    assert best_bets.pinned("status", "en")[0].title == "Directorate General of Immigration"


def test_a_fourth_result_for_one_query_is_refused_with_the_reason(indexed):
    for position in (1, 2, 3):
        bet(query="full", url=f"https://example.org/{position}/", title=str(position), position=position)
    with translation.override("en"), pytest.raises(ValidationError, match="At most 3"):
        bet(query="full", url="https://example.org/4/", title="4")


def test_a_bet_needs_one_target_and_one_query_or_concept():
    with pytest.raises(ValidationError):
        bet(query="", url="https://example.org/x/", title="x")
    with pytest.raises(ValidationError):
        bet(query="x", url="https://example.org/x/")  # an address needs a title
