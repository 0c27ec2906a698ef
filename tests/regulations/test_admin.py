"""Editors can open every new page type and the document form in the admin, in all four languages."""

import pytest

from cms.models import LibraryDocument, PartnerPage, RegulationIndexPage, RegulationPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user("editor", "Editors"))
    return client


def test_regulation_edit_form_has_every_language_and_relations(editor_client):
    page = RegulationPage.objects.get(slug="pp-26-2016")
    content = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for suffix in ("ind", "en", "ar", "zh_hans"):
        assert f'name="summary_{suffix}"' in content
    assert 'name="relations-TOTAL_FORMS"' in content
    assert 'name="change_notes-TOTAL_FORMS"' in content


def test_partner_and_index_edit_forms(editor_client):
    for page in (PartnerPage.objects.first(), RegulationIndexPage.objects.get()):
        assert editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_document_forms(editor_client):
    document = LibraryDocument.objects.filter(in_library=True).first()
    content = editor_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert 'name="title_ar"' in content and 'name="superseded_by"' in content
    assert editor_client.get("/admin/documents/add/").status_code == 200
