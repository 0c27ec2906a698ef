"""Rating a page without JavaScript: one rating per visitor and day, comments masked."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from cms.models import StandardPage
from evaluation import ratings
from evaluation.models import PageRating
from tests.helpers import assert_link_no_longer_works, url_in


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def mine(page):
    """Ratings made by the tests (the demo has its own)."""
    return PageRating.objects.filter(page=page).exclude(visitor__startswith="demo")


def rate(client, page, answer, **extra):
    return client.post(reverse("evaluation:rate", kwargs={"page_id": page.pk}), {"helpful": answer, **extra})


@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_guide_pages_ask_whether_they_helped(client, guide, language):
    html = client.get(url_in(guide, language)).content.decode()
    assert reverse("evaluation:rate", kwargs={"page_id": guide.pk}) in html
    assert 'name="helpful" value="yes"' in html
    assert "csrfmiddlewaretoken" not in html.split('class="helpful"')[1]  # the page stays cacheable


def test_a_rating_then_a_masked_comment(client, guide):
    response = rate(client, guide, "no")
    assert response.status_code == 302
    rating = mine(guide).get()
    assert rating.helpful is False
    thanks = response["Location"]
    assert client.get(thanks).status_code == 200
    token = thanks.split("r=")[1]
    client.post(
        thanks.split("?")[0], {"token": token, "comment": "Tulis ke siti@example.org, paspor A1234567"}
    )
    rating.refresh_from_db()
    assert rating.comment == "Tulis ke [email], paspor [number]"


def test_the_same_visitor_rating_again_replaces_the_first(client, guide):
    rate(client, guide, "no")
    rate(client, guide, "yes")
    ratings = mine(guide)
    assert ratings.count() == 1 and ratings.get().helpful is True


def test_bots_and_bad_input_store_nothing(client, guide):
    assert rate(client, guide, "yes", website="http://spam").status_code == 302
    assert rate(client, guide, "maybe").status_code == 400
    standard = StandardPage.objects.live().first()
    assert rate(client, standard, "yes").status_code == 400
    assert not mine(guide).exists()


def test_a_thank_you_link_comments_once(client, guide):
    thanks = rate(client, guide, "yes")["Location"]
    path, token = thanks.split("?")[0], thanks.split("r=")[1]
    assert client.post(path, {"token": token, "comment": "Clear, thank you"}).status_code == 200
    used = client.post(path, {"token": token, "comment": "Changed"})
    assert_link_no_longer_works(used, path.split("/")[1])  # in the language of the address
    assert mine(guide).get().comment == "Clear, thank you"


@pytest.mark.parametrize("language", ["ar", "id"])
def test_a_forged_expired_or_moved_thank_you_link_cannot_comment(client, guide, topic, language):
    rate(client, guide, "no")
    rating = mine(guide).get()
    expired = ratings.THANKS_LINK.make(rating.pk, rating, now=time.time() - 3601)
    with translation.override(language):
        path = reverse("evaluation:thanks", kwargs={"page_id": guide.pk})
        other_page = reverse("evaluation:thanks", kwargs={"page_id": topic.pk})
    for where, token in ((path, "1:forged"), (path, expired), (other_page, ratings.token_for(rating))):
        response = client.post(where, {"token": token, "comment": "hello"})
        assert_link_no_longer_works(response, language)
    assert mine(guide).get().comment == ""


def test_ratings_are_rate_limited(client, topic, guide):
    statuses = [rate(client, guide if n % 2 else topic, "yes").status_code for n in range(32)]
    assert statuses[:30] == [302] * 30 and statuses[30] == 429
