"""The forms library (versions, superseded forms, safe uploads) and the partner directory."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.document_checks import check_upload
from cms.models import FormsLibraryPage, LibraryDocument, PartnerIndexPage, PartnerPage
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def test_library_lists_current_versions_and_marks_old_ones(client):
    library = FormsLibraryPage.objects.get()
    content = client.get(url_in(library, "en")).content.decode()
    old = LibraryDocument.objects.filter(superseded_by__isnull=False, in_library=True).first()
    assert old.url not in content  # only current versions by default
    with_old = client.get(url_in(library, "en"), {"superseded": "1"}).content.decode()
    assert old.url in with_old and "This version has been replaced." in with_old
    assert old.current_version().url in with_old


def test_library_filters(client):
    library = FormsLibraryPage.objects.get()
    response = client.get(url_in(library, "en"), {"topic": "paspor"})
    assert all(doc.topics.filter(slug="paspor").exists() for doc in response.context["documents"])
    number = LibraryDocument.objects.exclude(form_number="").first().form_number
    found = client.get(url_in(library, "en"), {"q": number}).context["documents"]
    assert any(doc.form_number == number for doc in found)


def test_current_version_follows_the_chain_and_survives_a_loop():
    old = LibraryDocument.objects.filter(superseded_by__isnull=False).first()
    assert old.current_version().superseded_by_id is None
    newest = old.current_version()
    newest.superseded_by = old  # an editor's mistake makes a loop
    newest.save()
    assert old.current_version() in (old, newest)


def test_document_titles_per_language():
    document = LibraryDocument.objects.filter(in_library=True).first()
    assert document.translated_title("en") and document.translated_title("ar")


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        ("form.pdf", b"%PDF-1.4 real", True),
        ("form.docx", b"PK\x03\x04 zip", True),
        ("form.pdf", b"MZ\x90\x00 an exe", False),
        ("form.exe", b"MZ\x90\x00", False),
        ("form.html", b"<html><script>", False),
        ("noextension", b"%PDF-", False),
    ],
)
def test_uploads_are_checked_by_content(name, content, ok):
    from django.core.exceptions import ValidationError

    upload = SimpleUploadedFile(name, content)
    if ok:
        check_upload(upload)
    else:
        with pytest.raises(ValidationError):
            check_upload(upload)


def test_upload_size_limit(limits):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    limits("cms", MAX_DOCUMENT_BYTES=10)
    with translation.override("en"), pytest.raises(ValidationError, match="too large"):
        check_upload(SimpleUploadedFile("form.pdf", b"%PDF-" + b"x" * 20))


def test_admin_upload_of_a_forbidden_type_is_refused(client, make_user):
    client.force_login(make_user("editor", "Editors"))
    before = LibraryDocument.objects.count()
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Bad",
            "title_en": "",
            "file": SimpleUploadedFile("evil.pdf", b"MZ not a pdf"),
            "file_language": "id",
        },
    )
    assert response.status_code == 200
    assert "bukan dokumen" in response.content.decode()  # in the editor's (default) language
    assert LibraryDocument.objects.count() == before


def test_partner_directory_filters(client):
    index = PartnerIndexPage.objects.get()
    everyone = client.get(url_in(index, "en")).context["partners"]
    assert len(everyone) >= 8
    legal = client.get(url_in(index, "en"), {"service": "legal_aid"}).context["partners"]
    assert legal and all("legal_aid" in partner.services for partner in legal)
    region = everyone[0].regions[0]
    assert all(
        region in p.regions for p in client.get(url_in(index, "en"), {"region": region}).context["partners"]
    )
    assert client.get(url_in(index, "en"), {"service": "<script>"}).context["partners"] == []


def test_partner_page(client):
    partner = PartnerPage.objects.live().first()
    content = client.get(url_in(partner, "ar")).content.decode()
    assert partner.phone in content and 'dir="rtl"' in content


def test_guide_links_to_the_current_version_of_a_form(client):
    from cms.models import GuidePage

    guide = GuidePage.objects.get(slug="paspor-baru")
    old = LibraryDocument.objects.filter(
        superseded_by__isnull=False, in_library=True, form_number__icontains="Perdim"
    ).first()
    content = client.get(url_in(guide, "en")).content.decode()
    assert old.current_version().url in content
    assert f'href="{old.url}"' not in content


def test_guide_shows_partners_that_can_help(client, django_capture_on_commit_callbacks):
    from cms.models import GuidePage

    guide = GuidePage.objects.get(slug="hak-dan-layanan-pengungsi")
    content = client.get(url_in(guide, "en")).content.decode()
    assert "Organisations that can help" in content
    partner = PartnerPage.objects.get(slug="klinik-sahabat-sehat-medan")
    assert url_in(partner, "en") in content
    with django_capture_on_commit_callbacks(execute=True):  # the withdrawal, once committed
        partner.unpublish()
    assert url_in(partner, "en") not in client.get(url_in(guide, "en")).content.decode()
