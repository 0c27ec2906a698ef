"""Looking up a code and following the complaint: the timeline, follow-ups, and slow guessing."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from complaints import codes, services
from complaints.models import Addition, AuditEntry, Satisfaction, Status, TimelineEntry

from .conftest import SECRET_PHRASE, en_url, pdf_upload, upload

pytestmark = pytest.mark.django_db


def look_up(client, code, **extra):
    return client.post(en_url("track"), {"code": code}, **extra)


def mistype(code, position):
    compact = codes.compact(code)
    wrong = next(char for char in codes.ALPHABET if char != compact[position])
    return codes.display(compact[:position] + wrong + compact[position + 1 :])


def test_look_up_shows_the_timeline_but_nothing_the_complainant_wrote(client, file_via_service, handler):
    filed = file_via_service(contact_name="Rahasia Orang", contact_email="rahasia@example.org")
    services.change_status(filed.complaint, handler, Status.VERIFIED, "We checked your report.")
    services.add_internal_note(filed.complaint, handler, "internal: call the witness")
    response = look_up(client, filed.code.lower())
    assert response.status_code == 302 and response["Location"].endswith("/complaints/status/")
    page = client.get(response["Location"]).content.decode()
    assert "We checked your report." in page and "Verified" in page
    for secret in (
        SECRET_PHRASE,
        "Rahasia Orang",
        "rahasia@example.org",
        "internal: call the witness",
        "handler",
    ):
        assert secret not in page


def test_a_mistyped_code_says_which_group_looks_wrong(client, file_via_service):
    filed = file_via_service()
    response = look_up(client, mistype(filed.code, 9))
    assert response.status_code == 400
    assert "Something in group 3 (characters 9 to 12) looks wrong" in response.content.decode()
    response = look_up(client, filed.code.replace("-", "")[:12])
    assert "The code you entered has 12" in response.content.decode()
    response = look_up(client, "U" + filed.code[1:])
    assert "“U” (character 1)" in response.content.decode()


def test_an_unknown_code_is_not_found(client):
    response = look_up(client, codes.generate())
    assert response.status_code == 404
    assert "We found no complaint with this code" in response.content.decode()


def test_wrong_codes_slow_down_only_their_address(client, file_via_service, limits):
    limits("complaints", LOOKUP_FREE_FAILURES=10, LOOKUP_DELAY_SECONDS=60)
    filed = file_via_service()
    for _ in range(11):
        assert look_up(client, codes.generate()).status_code == 404
    refused = look_up(client, filed.code)
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "Please wait 60 seconds" in refused.content.decode()
    # Another address is not affected; behind no proxy X-Forwarded-For is ignored.
    assert look_up(client, filed.code, REMOTE_ADDR="10.1.2.3").status_code == 302
    assert look_up(client, filed.code, HTTP_X_FORWARDED_FOR="10.7.7.7").status_code == 429


def test_codes_failing_their_check_do_not_use_up_look_ups(client, file_via_service, limits):
    limits("complaints", LOOKUP_FREE_FAILURES=0)
    filed = file_via_service()
    for position in range(16):
        assert look_up(client, mistype(filed.code, position)).status_code == 400
    assert look_up(client, filed.code).status_code == 302


def test_the_status_page_needs_a_look_up_in_this_session(client, file_via_service, monkeypatch):
    filed = file_via_service()
    assert client.get(en_url("status")).status_code == 302
    look_up(client, filed.code)
    assert client.get(en_url("status")).status_code == 200
    later = time.time() + 31 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get(en_url("status")).status_code == 302


def test_forget_removes_the_complaint_from_the_session(client, file_via_service):
    look_up(client, file_via_service().code)
    client.post(en_url("status"), {"action": "forget"})
    assert client.get(en_url("status")).status_code == 302


def test_the_complainant_adds_information_with_a_file(client, file_via_service):
    filed = file_via_service()
    look_up(client, filed.code)
    response = client.post(
        en_url("status"),
        {"action": "add", "text": "The officer's badge number was 123.", "attachments": [pdf_upload()]},
    )
    assert response.status_code == 302
    addition = Addition.objects.get(complaint=filed.complaint)
    assert addition.attachments.count() == 1
    page = client.get(en_url("status")).content.decode()
    assert "You added information" in page and "badge number" not in page
    assert filed.complaint.audit_entries.filter(action=AuditEntry.Action.INFORMATION_ADDED).exists()


def test_adding_information_with_a_disguised_file_keeps_the_text(client, file_via_service):
    filed = file_via_service()
    look_up(client, filed.code)
    response = client.post(
        en_url("status"),
        {"action": "add", "text": "More details here", "attachments": [upload("a.pdf", b"MZ....")]},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "More details here" in html and "choose them again" in html
    assert not Addition.objects.filter(complaint=filed.complaint).exists()


def test_reopen_within_the_time_limit_only(client, file_via_service, handler, limits):
    limits("complaints", REOPEN_DAYS=30)
    filed = file_via_service()
    complaint = services.change_status(filed.complaint, handler, Status.IN_PROGRESS, "Working on it.")
    complaint = services.change_status(complaint, handler, Status.RESOLVED, "Solved.")
    look_up(client, filed.code)
    assert "Reopen the complaint" in client.get(en_url("status")).content.decode()
    response = client.post(en_url("status"), {"action": "reopen", "reason": "It happened again."})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Status.IN_PROGRESS and complaint.resolved_at is None
    assert complaint.timeline.last().kind == TimelineEntry.Kind.REOPENED

    complaint = services.change_status(complaint, handler, Status.RESOLVED, "Solved again.")
    type(complaint).objects.filter(pk=complaint.pk).update(resolved_at=timezone.now() - timedelta(days=31))
    page = client.get(en_url("status")).content.decode()
    assert "Reopen the complaint" not in page and "Add the information" not in page
    response = client.post(en_url("status"), {"action": "reopen", "reason": "Too late?"}, follow=True)
    assert "can no longer be reopened" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == Status.RESOLVED


def test_satisfaction_is_asked_once_when_closed(client, file_via_service, handler):
    filed = file_via_service()
    complaint = services.change_status(filed.complaint, handler, Status.IN_PROGRESS, "Working on it.")
    look_up(client, filed.code)
    assert "One question" not in client.get(en_url("status")).content.decode()
    complaint = services.change_status(complaint, handler, Status.RESOLVED, "Solved.")
    services.change_status(complaint, handler, Status.CLOSED, "Closed.")
    page = client.get(en_url("status")).content.decode()
    assert "One question" in page and "Add the information" not in page
    assert client.post(en_url("status"), {"action": "satisfaction"}).status_code == 400
    response = client.post(en_url("status"), {"action": "satisfaction", "satisfaction": "4"})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.satisfaction == Satisfaction.SATISFIED
    assert "One question" not in client.get(en_url("status")).content.decode()


def test_a_rejection_shows_its_reason(client, file_via_service, handler):
    filed = file_via_service()
    services.change_status(filed.complaint, handler, Status.REJECTED, "Not an immigration matter.")
    look_up(client, filed.code)
    page = client.get(en_url("status")).content.decode()
    assert "Rejected" in page and "Reason:" in page and "Not an immigration matter." in page


def test_public_notes_are_escaped(client, file_via_service, handler):
    filed = file_via_service()
    services.change_status(filed.complaint, handler, Status.VERIFIED, "<script>alert(1)</script>")
    look_up(client, filed.code)
    page = client.get(en_url("status")).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
