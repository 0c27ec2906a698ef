"""Upload checks for the document library: safe types by content, not by name, and a size limit."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from cms import conf

# The first bytes of each allowed format. Office Open XML and OpenDocument files are ZIP archives.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
}


def check_upload(upload):
    """Raise ValidationError unless the file is an allowed type by its content, within the size limit."""
    limit = conf.get("MAX_DOCUMENT_BYTES")
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    head = upload.read(8)
    upload.seek(0)
    if extension not in SIGNATURES or not head.startswith(SIGNATURES[extension]):
        raise forms.ValidationError(
            _("This file is not a valid %(types)s document. Only PDF and office documents can be uploaded."),
            params={"types": ", ".join(sorted(SIGNATURES)).upper()},
        )


class LibraryDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "size") and getattr(upload, "content_type", None) is not None:
            check_upload(upload)
        return upload
