"""Public history: change notes and a readable comparison of two published versions."""

import pytest

from cms.comparison import compare_paragraphs
from cms.models import GuidePage, RegulationPage
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def test_word_level_comparison():
    changes = compare_paragraphs(
        ["Keep this.", "The fee is Rp 500.000 per visit."],
        ["Keep this.", "The fee is Rp 650.000 per visit.", "New rule."],
    )
    assert [change.kind for change in changes] == ["same", "changed", "added"]
    segments = {(segment.kind, segment.text) for segment in changes[1].segments}
    assert ("removed", "500.000") in segments and ("added", "650.000") in segments


def test_regulation_with_versions_offers_comparison(client):
    page = next(page for page in RegulationPage.objects.live() if page.has_versions_to_compare())
    content = client.get(url_in(page, "en")).content.decode()
    assert "Compare published versions" in content
    response = client.get(url_in(page, "en") + "versions/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<ins>" in html or "<del>" in html
    assert "[added:" in html or "[removed:" in html  # said in words, not by colour alone


def test_guide_comparison_after_an_update(client, guide):
    guide.summary_en = "A completely new summary for visitors."
    guide.save_revision().publish()
    response = client.get(url_in(guide, "en") + "versions/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "completely new summary" in html and "<ins>" in html


def test_choosing_versions_and_bad_input(client, guide):
    guide.summary_en = "Second version."
    guide.save_revision().publish()
    versions = guide.published_versions()
    url = url_in(guide, "en") + "versions/"
    same = client.get(url, {"from": versions[0].revision_id, "to": versions[0].revision_id})
    assert "The text is the same in both versions" in same.content.decode()
    assert client.get(url, {"from": "abc", "to": "999999"}).status_code == 200


def test_single_version_has_no_comparison(client):
    page = next(page for page in GuidePage.objects.live() if not page.has_versions_to_compare())
    assert client.get(url_in(page, "en") + "versions/").status_code == 404
