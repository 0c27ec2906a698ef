"""Retention covers every copy: a complaint filed with contact details, emailed, looked up,
rejected, then a year and a day later every retention policy the scheduler runs leaves no
trace of the address, phone, name or tracking code anywhere in the database or the files."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from complaints import codes, conf, services
from complaints.models import Complaint, Status
from core import periodic, retention
from core.emails import send_pending
from core.models import OutgoingEmail

from .conftest import en_url, form_data, png_bytes, upload
from .test_filing import code_on

pytestmark = pytest.mark.django_db

EMAIL = "wistleblower.unique42@example.org"
PHONE = "+62 812 9988 7766"
NAME = "Zulkarnaen Hartawidjaja"


def rows_containing(needles):
    """Every table, every row, every column as text (session data decoded): (table, needle)."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - own table names
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row).lower()
                found += [(table, needle) for needle in needles if needle.lower() in text]
    for session in Session.objects.all():
        text = str(session.get_decoded()).lower()
        found += [("session data", needle) for needle in needles if needle.lower() in text]
    return found


def files_containing(needles):
    folders = {Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT), conf.private_dir()}
    found = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                content = (Path(root) / name).read_bytes().lower()
                found += [(name, n) for n in needles if n.lower().encode() in content]
    return found


def retention_jobs():
    return [job for job in periodic.jobs() if job.key.endswith("retention")]


def test_a_year_after_closing_no_copy_of_the_complainant_is_left(
    client, office, handler, django_capture_on_commit_callbacks
):
    image = upload("photo.png", png_bytes(), "image/png")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            en_url("file"),
            form_data(
                office, contact_email=EMAIL, contact_phone=PHONE, contact_name=NAME, attachments=[image]
            ),
        )
    assert response.status_code == 302
    code = code_on(client.get(response["Location"]))
    complaint = Complaint.objects.get(code_hash=codes.code_hash(code))
    client.post(en_url("track"), {"code": code})  # a look-up session
    client.get("/en/search/", {"q": f"complaint about {NAME}"})  # a search record
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(complaint, handler, Status.REJECTED, "Outside our remit.")
    send_pending()
    needles = [EMAIL, PHONE, NAME, code, codes.compact(code)]
    assert OutgoingEmail.objects.filter(to=EMAIL, sent_at__isnull=False).count() == 2
    assert rows_containing(needles)  # the search finds them before retention
    assert any(conf.private_dir().rglob("*.png"))

    complaint.refresh_from_db()
    later = complaint.closed_at + timedelta(days=conf.get("RETENTION_DAYS") + 1)
    keys = {job.key for job in retention_jobs()}
    assert {
        "complaints.retention",
        "core.outbox_retention",
        "core.session_retention",
        "evaluation.search_retention",
        "forums.ip_retention",
        "agenda.retention",
    } <= keys
    with django_capture_on_commit_callbacks(execute=True):
        for job in retention_jobs():
            job.run(now=later)

    assert rows_containing(needles) == []
    assert files_containing(needles) == []
    assert not any(conf.private_dir().rglob("*.png"))


def test_the_outbox_keeps_sent_mail_only_for_its_retention_period(limits):
    limits("core", OUTBOX_RETENTION_DAYS=30)
    old = OutgoingEmail.objects.create(to="a@example.org", subject="s", body="b")
    OutgoingEmail.objects.filter(pk=old.pk).update(
        created=timezone.now() - timedelta(days=31), sent_at=timezone.now() - timedelta(days=31)
    )
    recent = OutgoingEmail.objects.create(to="b@example.org", subject="s", body="b", sent_at=timezone.now())
    waiting = OutgoingEmail.objects.create(to="c@example.org", subject="s", body="b")
    assert retention.forget_old_emails() == 1
    assert set(OutgoingEmail.objects.filter(pk__in=[old.pk, recent.pk, waiting.pk])) == {recent, waiting}
