"""Versions and updates as readers see them: a published version is named by the change note it
brought, and "Latest updates" follows the dates it shows, so an edit without a note is no update."""

import re

import pytest

from cms.models import GuidePage, RegulationPage
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def test_the_versions_of_a_regulation_are_named_by_their_change_notes(client):
    page = next(page for page in RegulationPage.objects.live() if page.has_versions_to_compare())
    html = client.get(url_in(page, "en") + "versions/").content.decode()
    options = re.findall(r"<option[^>]*>([^<]*)</option>", html)
    half = len(options) // 2
    labels = options[:half]
    assert len(labels) >= 2 and len(set(labels)) == len(labels)  # no two versions look alike
    notes = [note.note_en for note in page.sorted_change_notes]
    assert any(note[:40] in label for note in notes for label in labels)


def test_a_version_without_a_new_note_says_so(client, guide):
    guide.summary_en = "A rewording with no public note."
    guide.save_revision().publish()
    newest = guide.published_versions()[0]
    assert newest.note is None
    html = client.get(url_in(guide, "en") + "versions/").content.decode()
    assert "without a change note" in html


def test_latest_updates_are_in_the_order_of_the_dates_shown():
    shown = [guide.last_updated for guide in GuidePage.latest_updates(limit=100)]
    assert shown == sorted(shown, reverse=True)


def test_an_edit_without_a_public_note_is_not_an_update():
    before = list(GuidePage.latest_updates(limit=100))
    edited = before[-1]
    edited.summary_ind = edited.summary_ind + " Disunting."
    edited.save_revision().publish()
    after = list(GuidePage.latest_updates(limit=100))
    assert after.index(edited) == len(after) - 1
    assert [guide.pk for guide in after] == [guide.pk for guide in before]
