"""Every cms page type in every language: each piece of text is marked with the language it
is in and isolated (WCAG 3.1.2; the check is tests/foreign_text.py's, shared with the other
apps' pages in tests/i18n/test_foreign_text_in_apps.py). A fallback body read in Arabic keeps
its interface labels (fees, warnings, "Where to apply") in Arabic, names of languages are
marked with their own language, Indonesian partner names and forum questions in an Arabic or
Chinese guide carry their language, and Arabic lists use the Arabic comma."""

import pytest
from wagtail.models import Page

from tests.foreign_text import read_problems
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

CMS_TYPES = {
    "HomePage",
    "TopicPage",
    "GuidePage",
    "StandardPage",
    "RegulationIndexPage",
    "RegulationPage",
    "PartnerIndexPage",
    "PartnerPage",
    "OfficeIndexPage",
    "OfficePage",
    "FormsLibraryPage",
    "SmartAnswerIndexPage",
    "SmartAnswerPage",
}


def pages_to_read():
    """Every guide (they differ in languages and blocks), and the first page of each other cms type."""
    chosen, seen = [], set()
    for page in Page.objects.live().public().specific().order_by("path"):
        kind = type(page).__name__
        if kind in CMS_TYPES and (kind == "GuidePage" or kind not in seen):
            seen.add(kind)
            chosen.append(page)
    return chosen


@pytest.mark.slow
@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_text_in_another_script_is_marked_with_its_language(client, language):
    unmarked = [
        (type(page).__name__, page.slug, *problem)
        for page in pages_to_read()
        for problem in read_problems(client, url_in(page, language), language)
    ]
    assert not unmarked, "\n".join(map(repr, unmarked))
