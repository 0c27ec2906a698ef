"""Parts of a page that are the same for every reader are kept in the "pages" cache
(cms/templatetags/page_fragments.py) and never show what readers should no longer see."""

import time

import pytest
from django.core.cache import caches
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.documents import get_document_model

from cms.models import Audience, RegulationPage, RegulationRelation, TopicPage
from cms.templatetags.page_fragments import fragment_key
from core.cache import PER_PROCESS_SECONDS
from search.models import Concept
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def html_of(client, page, language="en"):
    return client.get(url_in(page, language)).content.decode()


@pytest.mark.parametrize("page_type", ["guide", "topic", "home", "regulation"])
def test_a_cached_page_is_the_same_page(client, page_type, guide, topic, home, django_assert_max_num_queries):
    regulation = RegulationPage.objects.get(slug="uu-6-2011")
    page = {"guide": guide, "topic": topic, "home": home, "regulation": regulation}[page_type]
    for language in ("id", "en", "ar", "zh-hans"):
        first = html_of(client, page, language)
        # The page and its view restrictions; a regulation is found through its index, which
        # routes its own sub-addresses (feeds), with two more.
        with django_assert_max_num_queries(5 if page_type == "regulation" else 3):
            assert html_of(client, page, language) == first


def test_the_languages_never_mix(client, guide):
    english, arabic = html_of(client, guide, "en"), html_of(client, guide, "ar")
    assert guide.summary_en in english and guide.summary_en not in arabic
    assert guide.summary_ar in arabic


def test_a_republished_guide_shows_its_new_text_even_where_the_cache_was_not_emptied(client, guide, rf):
    """Publishing in one process empties that process's cache only (without CACHE_URL); the
    fragment's key names the publication, so no process shows the old article."""
    assert "kelinci-2207" not in html_of(client, guide)
    with translation.override("en"):
        key = fragment_key("guide-article", guide, rf.get("/"))
    old_article = caches["pages"].get(key)
    assert old_article
    guide.summary_en = "Summary kelinci-2207."
    guide.save_revision().publish()
    caches["pages"].set(key, old_article)  # as another process's cache still holds it
    assert "kelinci-2207" in html_of(client, guide)


def test_a_preview_is_neither_cached_nor_read_from_the_cache(client, guide):
    live = html_of(client, guide)
    draft = type(guide).objects.get(pk=guide.pk)
    draft.summary_en = "Draft summary harimau-4410."
    preview = draft.make_preview_request(original_request=RequestFactory().get("/en/"))
    assert "harimau-4410" in preview.content.decode()
    assert html_of(client, guide) == live


def test_a_topic_list_shows_a_guide_unpublished_nowhere(
    client, topic, guide, django_capture_on_commit_callbacks
):
    assert url_in(guide, "en") in html_of(client, topic)
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert url_in(guide, "en") not in html_of(client, topic)
    assert url_in(guide, "en") not in html_of(client, topic.get_parent().specific)


def test_an_audience_removed_leaves_the_lists_at_the_next_view(
    client, topic, django_capture_on_commit_callbacks
):
    guides = TopicPage.objects.get(pk=topic.pk).get_children()
    audience = Audience.objects.filter(guidepage__in=guides).first()
    with translation.override("en"):
        label = str(audience)
    assert label in html_of(client, topic)
    with django_capture_on_commit_callbacks(execute=True):
        audience.delete()
    assert label not in html_of(client, topic)


@pytest.mark.parametrize("model", [Concept, get_document_model()], ids=["glossary concept", "document"])
def test_editing_what_guides_show_empties_the_page_cache(model, django_capture_on_commit_callbacks):
    caches["pages"].set("probe", 1)
    with django_capture_on_commit_callbacks(execute=True):
        model.objects.first().save()
    assert caches["pages"].get("probe") is None


def test_a_fragment_with_a_form_is_not_kept(guide, rf):
    template = Template(
        '{% load page_fragments %}{% page_fragment "form" %}{% csrf_token %}{% endpage_fragment %}'
    )
    request = rf.get("/en/")
    first = template.render(Context({"page": guide, "request": request, "csrf_token": "first"}))
    second = template.render(Context({"page": guide, "request": request, "csrf_token": "second"}))
    assert "first" in first and "second" in second


def test_without_a_shared_cache_a_fragment_is_kept_a_minute(client, guide, rf, monkeypatch):
    """Each process then keeps its own fragments and a publication empties only its own: another
    process's lists must not show a withdrawn page for longer than that."""
    html_of(client, guide)
    with translation.override("en"):
        key = fragment_key("guide-article", guide, rf.get("/"))
    assert caches["pages"].get(key)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + PER_PROCESS_SECONDS - 1)
    assert caches["pages"].get(key)
    monkeypatch.setattr(time, "time", lambda: now + PER_PROCESS_SECONDS + 1)
    assert caches["pages"].get(key) is None


def test_a_regulation_revoked_by_a_newer_one_says_so_at_the_next_view(client):
    older = RegulationPage.objects.get(slug="pp-48-2021")
    newer = RegulationPage.objects.get(slug="uu-6-2011")
    assert "This regulation is no longer in force" not in html_of(client, older)  # now cached
    newer.relations.add(RegulationRelation(kind=RegulationRelation.REVOKES, target=older))
    newer.save_revision().publish()
    html = html_of(client, older)
    assert "This regulation is no longer in force" in html
    assert url_in(newer, "en") in html
