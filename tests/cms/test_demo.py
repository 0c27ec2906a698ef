"""load_demo builds a realistic site and is safe to run again."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from cms.models import GuidePage, HomePage, SiteProfile, StandardPage, TopicPage

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "cms" / "demo" / "data"


def test_demo_has_the_promised_content(home):
    topics = TopicPage.objects.live()
    guides = GuidePage.objects.live()
    assert topics.count() >= 6
    assert guides.count() >= 20
    in_english = [g for g in guides if {"id", "en"} <= set(g.available_languages())]
    assert len(in_english) >= 20
    in_all_four = [g for g in guides if g.available_languages() == ["id", "en", "ar", "zh-hans"]]
    assert len(in_all_four) >= 5
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert SiteProfile.load().sample_content


def test_demo_matches_its_data_files():
    guide_files = list((DATA / "guides").glob("*.json"))
    assert GuidePage.objects.count() == len(guide_files)
    assert TopicPage.objects.count() == len(json.loads((DATA / "topics.json").read_text()))
    assert StandardPage.objects.count() == len(json.loads((DATA / "pages.json").read_text()))
    assert all(page.live_revision_id for page in GuidePage.objects.all())


def test_wagtail_placeholder_page_is_gone():
    assert not Page.objects.filter(depth=2).exclude(id__in=HomePage.objects.all()).exists()


def test_load_demo_is_idempotent(capsys):
    pages_before = Page.objects.count()
    revisions_before = Revision.objects.count()
    call_command("load_demo")
    assert Page.objects.count() == pages_before
    assert Revision.objects.count() == revisions_before
    assert "0 items created" in capsys.readouterr().out


def test_load_demo_keeps_editors_changes(guide):
    guide.title_ind = "Judul yang diubah editor"
    guide.save_revision().publish()
    call_command("load_demo", verbosity=0)
    guide.refresh_from_db()
    assert guide.title_ind == "Judul yang diubah editor"
