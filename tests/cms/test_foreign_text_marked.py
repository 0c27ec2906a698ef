"""Every cms page type in every language: text in Arabic script sits inside an element marked
as an Arabic-script language, and Chinese text inside one marked as Chinese (WCAG 3.1.2). A
fallback body read in Arabic keeps its interface labels (fees, warnings, "Where to apply") in
Arabic, and names of languages are marked with their own language.

Latin-script text is not checked here: Indonesian proper names (partner organisations) and
codes (KITAS, M-Paspor) appear inside every language's text."""

import re

import pytest
from wagtail.models import Page

from tests.cms.test_reading import LanguageOfText
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

SCRIPTS = [
    (re.compile(r"[\u0600-\u06FF]"), {"ar", "fa", "ps", "ur"}),
    (re.compile(r"[\u4e00-\u9fff]"), {"zh", "zh-hans"}),
]
CMS_TYPES = {
    "HomePage",
    "TopicPage",
    "GuidePage",
    "StandardPage",
    "RegulationIndexPage",
    "RegulationPage",
    "PartnerIndexPage",
    "PartnerPage",
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


@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_text_in_another_script_is_marked_with_its_language(client, language):
    unmarked = []
    for page in pages_to_read():
        response = client.get(url_in(page, language))
        assert response.status_code == 200, page.url_path
        parser = LanguageOfText()
        parser.feed(response.content.decode())
        for text, marked in parser.texts:
            for script, languages in SCRIPTS:
                if script.search(text) and (marked or language) not in languages:
                    unmarked.append((type(page).__name__, page.slug, marked, text[:50]))
    assert unmarked == []
