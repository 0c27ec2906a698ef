"""Attachment checks: images and PDF only, recognised by their content, never by their name.

An image must open and pass ``Image.verify()`` in Pillow as JPEG, PNG, GIF or WebP
(decompression bombs are refused by Pillow). A PDF must start with a PDF header and
end with a real cross-reference pointer: ``startxref`` giving an offset inside the
file where a cross-reference table or stream begins, then ``%%EOF``. A program
renamed ``.pdf`` or a text file renamed ``.png`` fails these checks.
"""

import re
import warnings
from dataclasses import dataclass

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image

from complaints import conf

IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "GIF": ("image/gif", ".gif"),
    "WEBP": ("image/webp", ".webp"),
}
PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
PDF_TAIL = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
XREF_AT = re.compile(rb"\s*(xref\b|\d+\s+\d+\s+obj\b)")


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str
    original_name: str


def _invalid(name):
    return forms.ValidationError(
        _(
            "“%(name)s” is not an image or a PDF document. Only photos (JPEG, PNG, GIF, WebP) and PDF files can be attached."
        ),
        code="invalid_type",
        params={"name": name},
    )


def _pdf(data):
    if not PDF_HEADER.match(data[:16]):
        return False
    tail = PDF_TAIL.search(data[-2048:])
    if not tail:
        return False
    offset = int(tail.group(1))
    return offset < len(data) and bool(XREF_AT.match(data, offset))


def _image_format(upload):
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                found = image.format
                image.verify()
    except Exception:  # Pillow raises many kinds of errors for files that are not images
        return None
    finally:
        upload.seek(0)
    return found if found in IMAGE_FORMATS else None


def check(upload):
    """The detected type of an upload, or ValidationError with a message for the reader."""
    name = get_valid_filename(upload.name or "file")[-100:] or "file"
    limit = conf.get("MAX_ATTACHMENT_BYTES")
    if upload.size > limit:
        raise forms.ValidationError(
            _("“%(name)s” is too large (%(size)s). Each file may be at most %(limit)s."),
            code="too_large",
            params={"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise _invalid(name)
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if _pdf(data):
        return CheckedFile("application/pdf", ".pdf", name)
    image_format = _image_format(upload)
    if image_format:
        content_type, extension = IMAGE_FORMATS[image_format]
        return CheckedFile(content_type, extension, name)
    raise _invalid(name)
