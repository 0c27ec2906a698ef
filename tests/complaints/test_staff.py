"""Staff work in the Wagtail admin: queue, assignment, status with a public note, notes, audit, permissions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints import services
from complaints.models import AuditEntry, Category, Complaint, InternalNote, Office, Status

from .conftest import SECRET_PHRASE, pdf_upload

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action


def detail_url(complaint):
    return reverse("complaints_admin:detail", args=[complaint.pk])


def test_the_handlers_group_has_the_custom_permissions(handler):
    assert handler.has_perm("complaints.handle_complaint")
    assert handler.has_perm("complaints.view_personal_data")
    assert handler.has_perm("wagtailadmin.access_admin")


def test_only_handlers_reach_the_queue(staff_client, make_user, handler):
    queue = reverse("complaints_admin:queue")
    assert staff_client.get(queue).status_code == 302  # to the login page
    staff_client.force_login(make_user("editor", group="Editors"))
    response = staff_client.get(queue)
    assert response.status_code in (302, 403)
    assert SECRET_PHRASE not in response.content.decode()
    staff_client.force_login(handler)
    response = staff_client.get(queue)
    assert response.status_code == 200
    assert (
        reverse("complaints_admin:queue") in staff_client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_the_queue_filters_by_category_office_status_and_age(staff_client, handler, file_via_service):
    other_office = Office.objects.order_by("order")[1]
    suggestion = file_via_service(category=Category.SUGGESTION, office=other_office).complaint
    old = file_via_service(category=Category.ILLEGAL).complaint
    Complaint.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=20))
    staff_client.force_login(handler)
    queue = reverse("complaints_admin:queue")

    def listed(**params):
        return staff_client.get(queue, params).content.decode()

    page = listed(category="suggestion", office=other_office.pk, status="received")
    assert suggestion.reference in page and old.reference not in page
    overdue = listed(age="overdue", category="illegal")
    assert old.reference in overdue and "Overdue by" in overdue
    assert suggestion.reference not in listed(age="overdue")
    assert suggestion.reference in listed(age="new") and old.reference not in listed(age="new")
    assert old.reference not in listed(status="verified")


def test_a_status_change_needs_a_public_note_and_is_logged(staff_client, handler, file_via_service):
    complaint = file_via_service().complaint
    staff_client.force_login(handler)
    response = staff_client.post(
        detail_url(complaint), {"action": "status", "status": "verified", "public_note": "  "}
    )
    assert response.status_code == 400
    complaint.refresh_from_db()
    assert complaint.status == Status.RECEIVED and complaint.first_response_at is None

    response = staff_client.post(
        detail_url(complaint), {"action": "status", "status": "verified", "public_note": "Checked."}
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Status.VERIFIED and complaint.first_response_at is not None
    entry = complaint.audit_entries.get(action=Action.STATUS_CHANGED)
    assert entry.actor == handler and entry.detail == "received -> verified"
    assert complaint.timeline.last().public_note == "Checked."


def test_impossible_status_changes_are_refused(staff_client, handler, file_via_service):
    complaint = file_via_service().complaint
    staff_client.force_login(handler)
    response = staff_client.post(
        detail_url(complaint), {"action": "status", "status": "closed", "public_note": "x"}
    )
    assert response.status_code == 400
    complaint.refresh_from_db()
    assert complaint.status == Status.RECEIVED


def test_assignment_and_internal_notes_are_logged_and_notes_stay_internal(
    staff_client, handler, file_via_service
):
    complaint = file_via_service().complaint
    staff_client.force_login(handler)
    assert (
        staff_client.post(detail_url(complaint), {"action": "assign", "assignee": handler.pk}).status_code
        == 302
    )
    assert (
        staff_client.post(
            detail_url(complaint), {"action": "note", "text": "Witness: the cashier"}
        ).status_code
        == 302
    )
    complaint.refresh_from_db()
    assert complaint.assigned_to == handler
    assert InternalNote.objects.get(complaint=complaint).author == handler
    actions = list(complaint.audit_entries.filter(actor=handler).values_list("action", flat=True))
    assert Action.ASSIGNED in actions and Action.INTERNAL_NOTE in actions
    page = staff_client.get(detail_url(complaint)).content.decode()
    assert "Witness: the cashier" in page


def test_personal_data_and_attachments_need_their_own_permission(
    staff_client, handler, handler_without_personal_data, file_via_service
):
    from complaints import attachments

    file = pdf_upload()
    complaint = file_via_service(
        contact_email="pelapor@example.org", uploads=[(file, attachments.check(file))]
    ).complaint
    attachment = complaint.attachments.get()

    staff_client.force_login(handler_without_personal_data)
    page = staff_client.get(detail_url(complaint)).content.decode()
    assert SECRET_PHRASE in page  # handlers read what happened
    assert "pelapor@example.org" not in page and "evidence.pdf" not in page
    assert staff_client.get(reverse("complaints_admin:attachment", args=[attachment.pk])).status_code in (
        302,
        403,
    )
    assert not complaint.audit_entries.filter(action=Action.PERSONAL_DATA_VIEWED).exists()

    staff_client.force_login(handler)
    page = staff_client.get(detail_url(complaint)).content.decode()
    assert "pelapor@example.org" in page and "evidence.pdf" in page
    response = staff_client.get(reverse("complaints_admin:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    logged = set(complaint.audit_entries.filter(actor=handler).values_list("action", flat=True))
    assert {Action.PERSONAL_DATA_VIEWED, Action.ATTACHMENT_DOWNLOADED} <= logged


def test_complaint_text_is_escaped_in_the_admin(staff_client, handler, file_via_service):
    complaint = file_via_service(description="<img src=x onerror=alert(1)> happened at the desk").complaint
    staff_client.force_login(handler)
    page = staff_client.get(detail_url(complaint)).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x" in page


def test_staff_find_a_complaint_by_the_code_a_caller_reads_out(staff_client, handler, file_via_service):
    filed = file_via_service()
    staff_client.force_login(handler)
    response = staff_client.post(reverse("complaints_admin:find"), {"code": filed.code.lower()})
    assert response["Location"] == detail_url(filed.complaint)
    assert filed.complaint.audit_entries.filter(action=Action.CODE_CHECKED, actor=handler).exists()
    response = staff_client.post(reverse("complaints_admin:find"), {"code": "0000-0000-0000-0000"})
    assert response["Location"] == reverse("complaints_admin:queue")


def test_staff_can_manage_offices_as_snippets(staff_client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw-test-1234")
    staff_client.force_login(admin)
    response = staff_client.get(reverse("wagtailsnippets_complaints_office:list"))
    assert response.status_code == 200


def test_a_status_change_emails_a_complainant_who_gave_an_address(
    handler, file_via_service, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file_via_service(contact_email="pelapor@example.org").complaint
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(complaint, handler, Status.VERIFIED, "Checked.")
    assert len(mailoutbox) == 2
    update = mailoutbox[1]
    assert update.to == ["pelapor@example.org"] and "There is news about your complaint" in update.subject
    assert "Verified" in update.body and "/en/complaints/track/" in update.body
