"""Pages that stop being public leave search, the caches and the outbox in the same request.

Forum withdrawals have their channel matrix in tests/forums/test_withdrawal.py; these are
the page kinds of withdrawal (a view restriction added, unpublishing, deleting) and the
outbox's check at send time.
"""

import pytest
from wagtail.models import PageViewRestriction

from core.emails import queue_email, send_pending
from core.models import OutgoingEmail
from core.withdrawal import still_public, subject_key
from search import service
from search.engines.base import SearchQuery
from tests.helpers import turn_page_caches_on, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings, _fresh_search_results, empty_caches):
    turn_page_caches_on(settings)


def found(title, language="en"):
    hits = service.search(SearchQuery(text=title, language=language)).hits
    return title in [hit.title for hit in hits]


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def unpublish(page):
    page.unpublish()


def delete(page):
    page.delete()


@pytest.mark.parametrize("withdrawal", [restrict, unpublish, delete], ids=lambda f: f.__name__)
def test_a_page_withdrawn_leaves_search_the_topic_list_and_the_outbox_at_once(
    withdrawal, client, page_cache, guide, topic, mailoutbox, django_capture_on_commit_callbacks
):
    title = guide.title_en
    topic_url = url_in(topic, "en")
    channels = {
        "topic page (en)": topic_url,
        "topic page (id)": url_in(topic, "id"),
        "API list": "/api/v1/guides/?lang=en&page_size=100",
        "API detail": f"/api/v1/guides/{guide.pk}/?lang=en",
        "sitemap": "/sitemap.xml",
    }
    marks = {"topic page (id)": guide.title_ind, "sitemap": f"{url_in(guide, 'id')}</loc>"}
    for name, url in channels.items():  # read, and so cached, first
        assert marks.get(name, title) in client.get(url).content.decode(), name
    assert found(title)
    queue_email(
        "reader@example.org",
        f"Updated: {title}",
        "A guide you follow changed.",
        subject_key=subject_key(guide),
    )
    with django_capture_on_commit_callbacks(execute=True):
        withdrawal(guide)
    assert not found(title)
    leaked = [
        name for name, url in channels.items() if marks.get(name, title) in client.get(url).content.decode()
    ]
    assert leaked == []  # every cached copy was purged
    send_pending()
    assert [m for m in mailoutbox if title in m.subject] == []
    assert not OutgoingEmail.objects.filter(subject__contains=title).exists()


def test_removing_the_restriction_brings_the_page_back(guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        restrict(guide)
    assert not found(guide.title_en)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=guide).delete()
    assert found(guide.title_en)


def test_still_public_asks_the_model_and_sends_what_it_cannot_judge(guide):
    assert still_public("") and still_public("no.such-model:1") and still_public("core.outgoingemail:1")
    assert still_public(subject_key(guide))
    assert subject_key(guide) == f"wagtailcore.page:{guide.pk}"  # the same key whatever the page type
    assert not still_public("wagtailcore.page:999999")
