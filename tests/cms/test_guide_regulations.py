"""Guides and the regulations they rest on link each other, on the page and in search."""

import pytest
from django.utils import translation
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from cms.models import GuidePage, RegulationIndexPage, RegulationPage
from cms.search import GuideSource, RegulationSource
from cms.templatetags.reading import shown_language
from search import service
from search.models import SearchEntry
from tests.cms.editing import edit_form
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ("id", "en", "ar", "zh-hans")


@pytest.fixture
def indexed():
    """The database index of the demo site (tests/conftest.py), used afresh by this test."""
    service.reset()
    yield
    service.reset()


def regulation(slug):
    return RegulationPage.objects.get(slug=slug)


def link_html(page, language):
    """A title in a list as the templates write it: the link, the title's language, isolated."""
    with translation.override(language):
        return (
            f'<a href="{page.get_url()}" lang="{shown_language(page, language)}" dir="auto">'
            f"{escape(page.title)}</a>"
        )


def test_the_guide_lists_the_regulations_it_rests_on(client, guide):
    cited = list(guide.regulations.order_by("-enacted"))
    assert {page.slug for page in cited} == {"permenkumham-22-2023", "pp-48-2021"}
    for language in LANGUAGES:
        html = client.get(url_in(guide, language)).content.decode()
        with translation.override(language):
            heading = translation.gettext("Based on these regulations")
            citations = [page.citation for page in cited]
        if language != "en":
            assert heading != "Based on these regulations"  # translated
        assert heading in html
        for page, citation in zip(cited, citations, strict=True):
            assert link_html(page, language) in html
            assert f"({escape(citation)})" in html


def test_an_unpublished_regulation_is_not_listed(client, guide, django_capture_on_commit_callbacks):
    unpublished, published = regulation("pp-48-2021"), regulation("permenkumham-22-2023")
    assert url_in(unpublished, "en") in client.get(url_in(guide, "en")).content.decode()  # now cached
    with django_capture_on_commit_callbacks(execute=True):  # the withdrawal runs once committed
        unpublished.unpublish()
    html = client.get(url_in(guide, "en")).content.decode()
    assert link_html(published, "en") in html
    assert url_in(unpublished, "en") not in html


def test_a_private_regulation_is_not_listed(client, guide, django_capture_on_commit_callbacks):
    private = regulation("permenkumham-22-2023")
    assert url_in(private, "en") in client.get(url_in(guide, "en")).content.decode()  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=RegulationIndexPage.objects.get(), restriction_type=PageViewRestriction.LOGIN
        )
    html = client.get(url_in(guide, "en")).content.decode()
    assert url_in(private, "en") not in html
    assert "Based on these regulations" not in html


def test_the_regulation_lists_the_guides_that_explain_it_in_four_languages(client):
    law = regulation("uu-6-2011")
    guides = list(GuidePage.objects.filter(regulations=law).order_by("path"))
    assert len(guides) >= 8
    # Some are not in Arabic or Chinese: their Indonesian titles say so with lang="id".
    assert any("ar" not in guide.available_languages() for guide in guides)
    for language in LANGUAGES:
        html = client.get(url_in(law, language)).content.decode()
        with translation.override(language):
            assert translation.gettext("Guides that explain this regulation") in html
        for guide in guides:
            assert link_html(guide, language) in html
    assert 'lang="id" dir="auto"' in client.get(url_in(law, "ar")).content.decode()


def test_an_unpublished_guide_is_not_listed_by_its_regulation(client):
    law = regulation("uu-6-2011")
    gone = GuidePage.objects.filter(regulations=law).order_by("path").first()
    gone.unpublish()
    html = client.get(url_in(law, "en")).content.decode()
    assert url_in(gone, "en") not in html
    assert "Guides that explain this regulation" in html


def test_search_documents_name_each_other(guide):
    cited = regulation("permenkumham-22-2023")
    documents = {document.language: document for document in GuideSource().documents(guide)}
    assert set(documents) == set(LANGUAGES)
    for language, document in documents.items():
        with translation.override(language):
            assert f"{cited.citation} {cited.title}" in document.related

    regulation_documents = RegulationSource().documents(cited)
    assert regulation_documents
    for document in regulation_documents:
        with translation.override(document.language):
            assert guide.title in document.related


def entry(source, page, language="en"):
    return SearchEntry.objects.get(source=source, object_id=str(page.pk), language=language)


def test_renaming_or_unpublishing_a_regulation_reindexes_the_guides_citing_it(
    indexed, guide, django_capture_on_commit_callbacks
):
    cited = regulation("pp-48-2021")
    cited.title_en = "Zebracorn Regulation"
    with django_capture_on_commit_callbacks(execute=True):
        cited.save_revision().publish()
    assert "zebracorn" in entry("cms.guide", guide).search_text.lower()

    with django_capture_on_commit_callbacks(execute=True):
        cited.unpublish()
    assert "zebracorn" not in entry("cms.guide", guide).search_text.lower()


def test_a_guide_dropping_a_regulation_reindexes_that_regulation(
    indexed, guide, django_capture_on_commit_callbacks
):
    cited = regulation("pp-48-2021")
    guide.title_en = "Zebracorn visitor visa"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert "zebracorn" in entry("cms.regulation", cited).search_text.lower()

    guide.regulations.remove(cited)
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert "zebracorn" not in entry("cms.regulation", cited).search_text.lower()
    assert "zebracorn" in entry("cms.regulation", regulation("permenkumham-22-2023")).search_text.lower()


def test_the_guide_editor_offers_the_regulations_to_tick(client, make_user, guide):
    """The admin's form for a guide (its StreamField body is posted by the browser's scripts,
    so the round trip is left to Wagtail's own form handling of a ParentalManyToManyField)."""
    editor = make_user("penyunting", is_staff=True, is_superuser=True)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    law, cited = regulation("uu-6-2011"), regulation("pp-48-2021")
    assert f'name="regulations" value="{law.pk}"' in html
    with translation.override("id"):  # the admin speaks the editor's language, Indonesian here
        label = translation.gettext("based on these regulations")
    assert label != "based on these regulations" and label in html.lower()
    form = edit_form(guide, editor)
    assert set(form["regulations"].value()) == set(guide.regulations.values_list("pk", flat=True))
    assert cited.pk in form["regulations"].value()


def test_the_regulation_editor_shows_the_guides_that_rest_on_it(client, make_user, guide):
    """The link is kept on the guide; the regulation's editor still sees which guides cite it
    (published or not), each a click away, with where to change the link."""
    law = regulation("uu-6-2011")
    citing = list(GuidePage.objects.filter(regulations=law).order_by("path"))
    assert citing
    citing[0].unpublish()
    client.force_login(make_user("penyunting", is_staff=True, is_superuser=True))
    with translation.override("en"):
        html = client.get(f"/admin/pages/{law.pk}/edit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        heading = translation.gettext("Guides based on this regulation")
        unpublished = translation.gettext("not published")
    assert heading in html
    for page in citing:
        assert f'href="/admin/pages/{page.pk}/edit/"' in html
    assert html.count(f"({unpublished})") >= 1
    uncited = GuidePage.objects.exclude(regulations=law).first()
    assert f'href="/admin/pages/{uncited.pk}/edit/">' not in html
