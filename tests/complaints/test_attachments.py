"""Attachments: images and PDF by content (never by name), size-limited, kept outside MEDIA_ROOT."""

import pytest
from django import forms
from django.conf import settings as django_settings

from complaints import attachments
from complaints.models import Attachment, Complaint

from .conftest import SECRET_PHRASE, en_url, form_data, pdf_upload, png_bytes, upload

EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 200
    + b"This program cannot be run in DOS mode."
)


def test_real_images_and_pdfs_are_recognised_by_content():
    assert attachments.check(upload("photo.png", png_bytes())).content_type == "image/png"
    assert attachments.check(pdf_upload()).content_type == "application/pdf"
    # The name does not matter, only the content: a PNG called .pdf is a PNG.
    checked = attachments.check(upload("scan.pdf", png_bytes()))
    assert (checked.content_type, checked.extension) == ("image/png", ".png")


@pytest.mark.parametrize(
    "name, content",
    [
        ("invoice.pdf", EXE),
        ("photo.png", b"just some text, not an image\n" * 10),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << >> endobj\n"),  # a header without a cross-reference
        ("lying.pdf", b"%PDF-1.4\nstartxref\n999999\n%%EOF\n"),  # points outside the file
        ("half.png", png_bytes()[:40]),
        ("empty.jpg", b""),
        ("page.html", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_disguised_and_broken_files_are_refused(name, content):
    with pytest.raises(forms.ValidationError) as error:
        attachments.check(upload(name, content))
    assert error.value.code == "invalid_type"


def test_oversized_files_are_refused(limits):
    limits("complaints", MAX_ATTACHMENT_BYTES=100)
    with pytest.raises(forms.ValidationError) as error:
        attachments.check(pdf_upload())
    assert error.value.code == "too_large"


def test_a_disguised_file_on_the_form_stores_nothing_and_says_which(client, office):
    count = Complaint.objects.count()
    response = client.post(
        en_url("file"),
        {**form_data(office), "attachments": [upload("invoice.pdf", EXE), pdf_upload()]},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "invoice.pdf" in html and "is not an image or a PDF document" in html
    assert SECRET_PHRASE in html and "choose them again" in html
    assert Complaint.objects.count() == count


def test_too_many_files_are_refused(client, office, limits):
    limits("complaints", MAX_ATTACHMENTS=1)
    response = client.post(en_url("file"), {**form_data(office), "attachments": [pdf_upload(), pdf_upload()]})
    assert response.status_code == 400


def test_accepted_files_are_stored_privately_under_a_random_name(client, office, settings):
    response = client.post(
        en_url("file"),
        {
            **form_data(office),
            "attachments": [pdf_upload("my passport.pdf"), upload("x.exe.png", png_bytes())],
        },
    )
    assert response.status_code == 302
    stored = list(Attachment.objects.order_by("-pk")[:2])
    assert {attachment.content_type for attachment in stored} == {"application/pdf", "image/png"}
    media = str(django_settings.MEDIA_ROOT)
    for attachment in stored:
        path = attachment.file.path
        assert path.startswith(str(settings.COMPLAINTS_PRIVATE_DIR)) and not path.startswith(media)
        assert "passport" not in path
        with pytest.raises(ValueError):
            attachment.file.url  # noqa: B018 - no URL exists for private files
    assert {attachment.original_name for attachment in stored} == {"my_passport.pdf", "x.exe.png"}
