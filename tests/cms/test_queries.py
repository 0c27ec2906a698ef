"""Rendering cost guard: a change that adds queries to a page render fails here.

If a new feature legitimately needs another query, raise the number together with
the change and say why in the commit.
"""

import pytest

from tests.helpers import url_in

pytestmark = pytest.mark.django_db

# Guide: site (1), routing down the tree (5), view restrictions (1), the specific
# page (1), audiences (1), change notes (1), site profile (1), menu pages with
# their view restrictions (2), Wagtail's alias check for the breadcrumbs (1), and
# whether there are two published versions to compare (1); and the forums' "Questions
# about this guide" section (core/page_extras.py): the topic's board, its visible threads
# and one page lookup for its links (3). "Was this page helpful?" adds none, nor does the
# footer's link to the office finder (its address is kept in the pages cache). The
# regulations the guide rests on, live and outside private sections, in one query (1).
GUIDE_PAGE_QUERIES = 19
# Home: as a guide, without its own extras, plus topics (2), sections (2) and the latest
# updates with their change notes (2); and the main task "Check what you need", whose
# address is the smart answers' section page's own, live and public (2).
HOME_PAGE_QUERIES = 17


def test_guide_page_query_count(client, guide, django_assert_max_num_queries):
    url = url_in(guide, "en")
    client.get(url)  # warm per-process caches (site root paths), as in a running server
    with django_assert_max_num_queries(GUIDE_PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_home_page_query_count(client, home, django_assert_max_num_queries):
    client.get("/en/")
    with django_assert_max_num_queries(HOME_PAGE_QUERIES):
        assert client.get("/en/").status_code == 200


def test_guide_query_count_does_not_grow_with_change_notes(client, guide, django_assert_num_queries):
    from cms.models import GuideChangeNote

    url = url_in(guide, "id")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(5):
        GuideChangeNote.objects.create(page=guide, note=f"Catatan {number}", note_ind=f"Catatan {number}")
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)
