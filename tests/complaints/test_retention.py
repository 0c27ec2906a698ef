"""Retention: personal data and attachments scrubbed from long-closed complaints; statistics stay."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from complaints import attachments, retention, services
from complaints.models import Addition, Attachment, AuditEntry, Complaint, InternalNote, Status

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_long_ago(file_via_service, handler):
    file = pdf_upload()
    filed = file_via_service(
        contact_email="old@example.org", contact_name="Old Name", uploads=[(file, attachments.check(file))]
    )
    complaint = filed.complaint
    services.add_internal_note(complaint, handler, "mentions Old Name")
    complaint = services.change_status(complaint, handler, Status.IN_PROGRESS, "Working.")
    complaint = services.add_information(complaint, "More from the complainant", []) and complaint
    complaint = services.change_status(complaint, handler, Status.RESOLVED, "Solved.")
    complaint = services.change_status(complaint, handler, Status.CLOSED, "Closed.")
    services.answer_satisfaction(complaint, 4)
    Complaint.objects.filter(pk=complaint.pk).update(closed_at=timezone.now() - timedelta(days=400))
    complaint.refresh_from_db()
    return complaint


def test_old_closed_complaints_are_scrubbed_and_keep_their_statistics(
    closed_long_ago, file_via_service, limits, django_capture_on_commit_callbacks
):
    limits("complaints", RETENTION_DAYS=365)
    recent = file_via_service(contact_email="recent@example.org").complaint
    path = Path(closed_long_ago.attachments.get().file.path)
    assert path.exists()
    before = {
        field: getattr(closed_long_ago, field)
        for field in (
            "category",
            "office_id",
            "status",
            "received_at",
            "first_response_at",
            "resolved_at",
            "closed_at",
            "satisfaction",
        )
    }

    with django_capture_on_commit_callbacks(execute=True):  # files go once the scrub is committed
        retention.run()

    complaint = Complaint.objects.get(pk=closed_long_ago.pk)
    assert (
        complaint.description,
        complaint.contact_email,
        complaint.contact_name,
        complaint.contact_phone,
    ) == ("", "", "", "")
    assert complaint.scrubbed_at is not None
    assert not Attachment.objects.filter(complaint=complaint).exists() and not path.exists()
    assert not Addition.objects.filter(complaint=complaint).exists()
    assert not InternalNote.objects.filter(complaint=complaint).exists()
    assert {field: getattr(complaint, field) for field in before} == before
    assert complaint.timeline.count() == 5  # the public timeline stays
    assert complaint.audit_entries.filter(action=AuditEntry.Action.SCRUBBED).exists()
    recent.refresh_from_db()
    assert recent.contact_email == "recent@example.org" and recent.scrubbed_at is None


def test_the_scheduled_job_scrubs_and_is_idempotent(closed_long_ago):
    output = io.StringIO()
    call_command("run_periodic", "--once", "--force", "complaints.retention", stdout=output)
    assert "complaints.retention: ok (closed 0, scrubbed 1)" in output.getvalue()
    assert Complaint.objects.get(pk=closed_long_ago.pk).scrubbed_at is not None
    output = io.StringIO()
    call_command("run_periodic", "--once", "--force", "complaints.retention", stdout=output)
    assert "complaints.retention: ok (closed 0, scrubbed 0)" in output.getvalue()


def test_open_and_recently_closed_complaints_are_kept(file_via_service, handler):
    open_one = file_via_service(contact_email="a@example.org").complaint
    Complaint.objects.filter(pk=open_one.pk).update(received_at=timezone.now() - timedelta(days=900))
    retention.run()
    assert Complaint.objects.get(pk=open_one.pk).contact_email == "a@example.org"


def test_resolutions_not_reopened_in_time_are_closed(file_via_service, handler, limits):
    limits("complaints", REOPEN_DAYS=30)
    complaint = services.change_status(file_via_service().complaint, handler, Status.IN_PROGRESS, "Working.")
    complaint = services.change_status(complaint, handler, Status.RESOLVED, "Solved.")
    Complaint.objects.filter(pk=complaint.pk).update(resolved_at=timezone.now() - timedelta(days=31))
    closed, _scrubbed = retention.run()
    complaint.refresh_from_db()
    assert closed >= 1 and complaint.status == Status.CLOSED and complaint.closed_at is not None
    assert complaint.audit_entries.filter(action=AuditEntry.Action.AUTO_CLOSED).exists()
