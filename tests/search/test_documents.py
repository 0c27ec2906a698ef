"""Apps turn their objects into documents; search discovers them without knowing the models."""

import pytest
from django.utils import translation

from cms.models import GuidePage
from core import searchable

pytestmark = pytest.mark.django_db


def test_cms_sources_are_discovered():
    assert {"cms.guide", "cms.topic"} <= set(searchable.sources())


def test_guide_documents_one_per_language(guide):
    source = searchable.sources()["cms.guide"]
    documents = source.documents(guide)
    assert [document.language for document in documents] == ["id", "en", "ar", "zh-hans"]
    english = documents[1]
    assert english.kind == "guide"
    assert english.url == "/en/visa/visa-kunjungan/"
    assert english.topics == ["visa"]
    assert "visitors" in english.audience
    assert english.body and "<" not in english.body  # text, no markup
    assert english.version > 0
    assert english.available_languages == ["id", "en", "ar", "zh-hans"]


def test_unpublished_and_private_pages_are_not_sources(guide, topic):
    source = searchable.sources()["cms.guide"]
    guide.unpublish()
    assert source.get(guide.pk) is None
    other = GuidePage.objects.live().exclude(pk=guide.pk).first()
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=other, restriction_type="login")
    assert source.get(other.pk) is None
    assert not source.objects().filter(pk__in=[guide.pk, other.pk]).exists()


def test_guides_name_the_current_forms_and_the_partners_they_link():
    from cms.models import LibraryDocument

    source = searchable.sources()["cms.guide"]
    passport = GuidePage.objects.get(slug="paspor-baru")
    linked = LibraryDocument.objects.get(file__contains="perdim-11-2021")
    current = linked.current_version()
    assert current != linked  # the guide still links the replaced version
    current.title_en = "Passport Application Form (2024)"
    current.save()
    english = source.documents(passport)[1]
    # The current version only; the regulations the guide rests on are named after its links.
    forms = [name for name in english.related if name.startswith("Perdim")]
    assert forms == ["Perdim 11 Passport Application Form (2024)"]
    rights = source.documents(GuidePage.objects.get(slug="hak-orang-asing"))[0]
    assert "Lembaga Bantuan Hukum Contoh Jakarta (contoh)" in rights.related


def test_forms_named_by_the_pages_that_link_them_or_an_older_version():
    from cms.models import LibraryDocument

    source = searchable.sources()["cms.form"]
    old = LibraryDocument.objects.get(file__contains="permohonan-kitas-2023")
    current = old.current_version()
    guide = GuidePage.objects.get(slug="kitas-kerja")
    english = next(document for document in source.documents(current) if document.language == "en")
    with translation.override("en"):
        assert english.related == [guide.title]
    guide.unpublish()
    english = next(document for document in source.documents(current) if document.language == "en")
    assert english.related == []


def test_topic_documents_hold_the_titles_and_summaries_of_their_guides():
    from cms.models import TopicPage

    source = searchable.sources()["cms.topic"]
    topic = TopicPage.objects.get(slug="visa")
    english = next(document for document in source.documents(topic) if document.language == "en")
    with translation.override("en"):
        for guide in topic.guides():
            assert guide.title in english.body and guide.summary in english.body


def test_partner_documents_name_the_pages_that_send_readers_to_them():
    from cms.models import PartnerPage

    source = searchable.sources()["cms.partner"]
    partner = PartnerPage.objects.get(slug="lbh-contoh-jakarta")
    english = next(document for document in source.documents(partner) if document.language == "en")
    with translation.override("en"):
        titles = [
            GuidePage.objects.get(slug=slug).title
            for slug in ("hak-orang-asing", "pendaftaran-pengungsi-unhcr")
        ]
    assert set(titles) <= set(english.related)
    # Its provinces and languages are found too, but never quoted as the document's text.
    assert set(partner.regions) <= set(english.related)
    assert not any(region in english.body for region in partner.regions)


def test_a_title_left_in_indonesian_says_so_in_the_document(guide):
    """An organisation keeps its Indonesian name in its Arabic and Chinese documents: the
    document says which language its title is in, so results mark it; a translated guide's
    titles are its documents' own."""
    from cms.models import PartnerPage

    partner = PartnerPage.objects.get(slug="lbh-contoh-jakarta")
    documents = {d.language: d for d in searchable.sources()["cms.partner"].documents(partner)}
    assert documents["id"].title_language == ""
    for language in ("ar", "zh-hans"):
        if language in documents:
            assert documents[language].title_language == "id", language
    assert {"ar", "zh-hans"} & set(documents)
    guide_documents = searchable.sources()["cms.guide"].documents(guide)
    assert {d.title_language for d in guide_documents} == {""}


def test_a_translated_page_answers_to_its_indonesian_name_too(guide):
    """Readers know the local words ("visa kunjungan", "kantor imigrasi") and type them on any
    language's site: each translation carries the Indonesian title among its names."""
    documents = searchable.sources()["cms.guide"].documents(guide)
    indonesian = documents[0].title
    assert indonesian not in documents[0].related
    for document in documents[1:]:
        assert document.title != indonesian
        assert indonesian in document.related


def test_the_office_finder_is_found_by_readers_asking_for_an_office_without_a_place(client):
    """It was no source at all: "immigration office address" listed a dozen offices, the finder
    that filters them by province and service never."""
    from cms.models import OfficeIndexPage

    finder = OfficeIndexPage.objects.get()
    english = next(
        document
        for document in searchable.sources()["cms.office_finder"].documents(finder)
        if document.language == "en"
    )
    assert english.kind == "office" and english.url == "/en/kantor/"
    with translation.override("en"):
        assert all(office.title in english.body for office in finder.offices())
    html = client.get("/en/search/", {"q": "immigration office address"}).content.decode()
    assert html.index('href="/en/kantor/"') < html.index('href="/en/kantor/kantor-imigrasi-')


def test_an_office_published_refreshes_the_finder_that_lists_it():
    """The finder's document holds its offices' names: a new or renamed office changes it."""
    from cms.models import OfficeIndexPage, OfficePage

    requested = []

    def record(sender, obj, **kwargs):
        requested.append(obj)

    searchable.reindex_requested.connect(record)
    try:
        OfficePage.objects.live().first().save_revision().publish()
    finally:
        searchable.reindex_requested.disconnect(record)
    assert OfficeIndexPage.objects.get() in requested
