"""Rendering cost guard: a change that adds queries to a page render fails here.

If a new feature legitimately needs another query, raise the number together with
the change and say why in the commit.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import GuideChangeNote
from tests.helpers import forget_page_fragments, url_in

pytestmark = pytest.mark.django_db

# Guide, first view after a publish: the page found from its address in one query and its
# specific page (2: the site, its home page, the profile, the menu and the breadcrumbs come
# from the "pages" cache, which every publish empties), view restrictions (1), audiences (1),
# the regulations it rests on, live and outside private sections (1), change notes (1); and
# the forums' "Questions about this guide" section (core/page_extras.py): its board with its
# topic, found by the guide's parent path (1), its visible threads, and one page lookup for
# their links (2). Whether there are published versions to compare is cached too; "Was this
# page helpful?" adds none, nor does the footer.
GUIDE_PAGE_QUERIES = 8
# Home, first view after a publish: view restrictions (1), none for breadcrumbs (a home page
# has no ancestors to show), the main task "Check what you need" (its section page, live and
# public: 2), the topics (1) and sections (1) listed, each outside private sections in the
# same query, the latest updates with their change notes (2).
HOME_PAGE_QUERIES = 7
# Topic, first view after a publish: the page (2), view restrictions (1), its smart answers
# (1), its guides (1) with their audiences (1), each list outside private sections in the
# same query.
TOPIC_PAGE_QUERIES = 6
# Every later view: the article, lists and forum section come from the "pages" cache
# (cms/templatetags/page_fragments.py), leaving the page and its view restrictions.
CACHED_PAGE_QUERIES = 3


def test_guide_page_query_count(client, guide, django_assert_max_num_queries):
    url = url_in(guide, "en")
    client.get(url)  # warm per-process caches (site root paths), as in a running server
    forget_page_fragments()
    with django_assert_max_num_queries(GUIDE_PAGE_QUERIES):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(CACHED_PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_home_page_query_count(client, home, django_assert_max_num_queries):
    client.get("/en/")
    forget_page_fragments()
    with django_assert_max_num_queries(HOME_PAGE_QUERIES):
        assert client.get("/en/").status_code == 200
    with django_assert_max_num_queries(CACHED_PAGE_QUERIES):
        assert client.get("/en/").status_code == 200


def test_topic_page_query_count(client, topic, django_assert_max_num_queries):
    url = url_in(topic, "en")
    client.get(url)
    forget_page_fragments()
    with django_assert_max_num_queries(TOPIC_PAGE_QUERIES):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(CACHED_PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_guide_query_count_does_not_grow_with_change_notes(client, guide):
    url = url_in(guide, "id")
    client.get(url)
    forget_page_fragments()
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(5):
        GuideChangeNote.objects.create(page=guide, note=f"Catatan {number}", note_ind=f"Catatan {number}")
    forget_page_fragments()
    with CaptureQueriesContext(connection) as after:
        assert "Catatan 4" in client.get(url).content.decode()
    assert len(after) == len(before)


def test_each_language_address_is_worked_out_once_per_request(client, guide, monkeypatch):
    """The language switcher and the hreflang links share their addresses: each costs a URL
    resolve and reverse, a few per cent of a guide's render."""
    from cms.templatetags import sinergi

    asked = []
    translate_url = sinergi.translate_url

    def counted(path, code):
        asked.append((path, code))
        return translate_url(path, code)

    monkeypatch.setattr(sinergi, "translate_url", counted)
    assert client.get(url_in(guide, "en")).status_code == 200
    assert asked and len(asked) == len(set(asked))
