"""Filing a complaint through the public form: anonymous, protected against robots and repeats."""

import logging
import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from complaints import codes
from complaints.forms import FORM_TOKENS
from complaints.models import AuditEntry, Complaint, Status

from .conftest import SECRET_PHRASE, form_data

pytestmark = pytest.mark.django_db


def url(name, language="en"):
    with translation.override(language):
        return reverse(name)


def code_on(response):
    match = re.search(r'class="complaint-code"[^>]*>([0-9A-Z-]+)<', response.content.decode())
    return match.group(1) if match else None


@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_the_form_is_offered_in_every_language_and_says_who_sees_what(client, language):
    response = client.get(url("complaints:file", language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert 'name="form_token"' in html and 'enctype="multipart/form-data"' in html
    assert 'id="who-sees"' in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_file_anonymously_and_get_a_code(client, office):
    count = Complaint.objects.count()
    response = client.post(url("complaints:file"), form_data(office))
    assert response.status_code == 302
    page = client.get(response["Location"])
    code = code_on(page)
    assert code and codes.diagnose(code).ok
    assert Complaint.objects.count() == count + 1
    complaint = Complaint.objects.get(code_hash=codes.code_hash(code))
    assert complaint.is_anonymous and complaint.status == Status.RECEIVED
    assert complaint.timeline.get().status == Status.RECEIVED
    assert complaint.audit_entries.get().action == AuditEntry.Action.FILED
    # The code itself is stored nowhere in the complaint.
    assert all(
        codes.compact(code) not in str(value)
        for value in Complaint.objects.filter(pk=complaint.pk).values().get().values()
    )
    assert mail.outbox == []


def test_a_confirmation_email_carries_the_code_and_the_address_is_never_logged(
    client, office, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("complaints:file", "id"),
            form_data(office, contact_email="saksi@example.org", contact_name="Saksi"),
        )
    code = code_on(client.get(response["Location"]))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["saksi@example.org"]
    assert code in message.body and "/id/complaints/track/" in message.body
    assert "Saksi" not in message.body and SECRET_PHRASE not in message.body
    assert "saksi@example.org" not in caplog.text


def test_double_submission_is_stored_once_and_shows_the_same_code(client, office):
    data = form_data(office)
    count = Complaint.objects.count()
    first = client.post(url("complaints:file"), data)
    second = client.post(url("complaints:file"), data)
    assert first.status_code == second.status_code == 302
    assert Complaint.objects.count() == count + 1
    assert code_on(client.get(second["Location"]))


def test_a_robot_filling_the_hidden_field_stores_nothing(client, office):
    count = Complaint.objects.count()
    response = client.post(url("complaints:file"), form_data(office, website="http://spam.example"))
    assert response.status_code == 400
    assert Complaint.objects.count() == count


def test_a_form_sent_too_quickly_stores_nothing_and_keeps_the_text(client, office):
    count = Complaint.objects.count()
    response = client.post(url("complaints:file"), form_data(office, form_token=FORM_TOKENS.issue()))
    assert response.status_code == 400
    assert Complaint.objects.count() == count
    html = response.content.decode()
    assert "very quickly" in html and SECRET_PHRASE in html


@pytest.mark.parametrize("expired", [False, True])
def test_a_forged_or_expired_token_asks_to_send_again_and_keeps_the_text(client, office, expired):
    count = Complaint.objects.count()
    token = FORM_TOKENS.issue(now=time.time() - 2 * 24 * 3600) if expired else "forged"
    response = client.post(url("complaints:file"), form_data(office, form_token=token))
    assert response.status_code == 400 and Complaint.objects.count() == count
    assert "expired" in response.content.decode() and SECRET_PHRASE in response.content.decode()


def test_missing_fields_are_explained_and_what_was_typed_is_kept(client, office):
    response = client.post(
        url("complaints:file"),
        form_data(office, category="", office="", contact_email="not-an-address", contact_name="Budi <b>"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Choose what you want to report." in html and "Choose the office or service it is about." in html
    assert "Enter an email address like name@example.org." in html
    assert SECRET_PHRASE in html and 'value="not-an-address"' in html
    assert "Budi &lt;b&gt;" in html and "Budi <b>" not in html
    assert 'aria-invalid="true"' in html


def test_the_reader_is_told_to_choose_files_again(client, office):
    from .conftest import pdf_upload

    response = client.post(
        url("complaints:file"), {**form_data(office, description=""), "attachments": [pdf_upload()]}
    )
    assert response.status_code == 400
    assert "choose them again" in response.content.decode()


def test_errors_are_in_the_readers_language(client, office):
    response = client.post(url("complaints:file", "id"), form_data(office, description=""))
    with translation.override("id"):
        from complaints.forms import ComplaintForm

        expected = str(ComplaintForm.base_fields["description"].error_messages["required"])
    assert expected in response.content.decode()


def test_a_date_in_the_future_is_refused(client, office):
    response = client.post(url("complaints:file"), form_data(office, happened_on="2999-01-01"))
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()


def test_filing_is_rate_limited_per_address_counting_valid_complaints_only(client, office, limits):
    limits("complaints", FILE_LIMIT=2)
    for _ in range(3):  # invalid attempts do not count
        assert client.post(url("complaints:file"), form_data(office, description="")).status_code == 400
    assert client.post(url("complaints:file"), form_data(office)).status_code == 302
    assert client.post(url("complaints:file"), form_data(office)).status_code == 302
    count = Complaint.objects.count()
    refused = client.post(url("complaints:file"), form_data(office))
    assert refused.status_code == 429
    assert Complaint.objects.count() == count
    assert SECRET_PHRASE in refused.content.decode()
    other = client.post(url("complaints:file"), form_data(office), REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


def test_the_received_page_without_a_recent_report_shows_no_code(client):
    response = client.get(url("complaints:filed"))
    assert response.status_code == 200 and code_on(response) is None


def test_the_code_stops_being_shown_after_a_while(client, office, monkeypatch):
    response = client.post(url("complaints:file"), form_data(office))
    assert code_on(client.get(response["Location"]))
    later = time.time() + 31 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert code_on(client.get(response["Location"])) is None
