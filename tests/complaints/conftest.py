"""Fixtures for the complaints tests: private files in a temporary folder, fresh rate limits."""

import datetime
import io
import time

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from cms.demo.pdf import sample_pdf
from complaints import services
from complaints.forms import FORM_TOKENS
from complaints.models import Category, Office

SECRET_PHRASE = "zebra-cucumber-7741 the officer asked for money"


@pytest.fixture(autouse=True)
def _private_files_and_fresh_limits(settings, tmp_path):
    settings.COMPLAINTS_PRIVATE_DIR = tmp_path / "private"
    cache.clear()
    yield
    cache.clear()


def en_url(name):
    """A public complaints URL in English: tests read English interface text."""
    with translation.override("en"):
        return reverse(f"complaints:{name}")


@pytest.fixture
def staff_client(client):
    """The test client asking for the admin in English."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def office(db):
    return Office.objects.order_by("order").first()


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf_upload(name="evidence.pdf"):
    return upload(name, sample_pdf(["Receipt"]), "application/pdf")


def old_token():
    """A form token issued a minute ago (past the minimum fill time)."""
    return FORM_TOKENS.issue(now=time.time() - 60)


def form_data(the_office, **overrides):
    data = {
        "category": Category.MISCONDUCT,
        "office": str(the_office.pk),
        "description": SECRET_PHRASE + ", at the counter, in front of other people.",
        "happened_on": "2025-01-15",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "website": "",
        "form_token": old_token(),
    }
    data.update(overrides)
    return data


@pytest.fixture
def file_via_service(office):
    """File a complaint without the web form; returns services.Filed (complaint and code)."""

    def make(**fields):
        data = {
            "category": fields.pop("category", Category.SERVICE),
            "office": fields.pop("office", office),
            "description": fields.pop("description", SECRET_PHRASE),
            "happened_on": fields.pop("happened_on", datetime.date(2025, 1, 10)),
            "contact_name": fields.pop("contact_name", ""),
            "contact_email": fields.pop("contact_email", ""),
            "contact_phone": fields.pop("contact_phone", ""),
        }
        token = FORM_TOKENS.read(old_token())
        return services.file_complaint(data, fields.pop("uploads", []), token, "en", "http://testserver/")

    return make


@pytest.fixture
def handler(make_user):
    return make_user("handler", group="Complaint handlers")


@pytest.fixture
def handler_without_personal_data(make_user):
    from django.contrib.auth.models import Permission

    user = make_user("limited")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="complaints", codename="handle_complaint"),
    )
    return user
