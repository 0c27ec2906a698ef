"""Demo complaints: every state, every category and office, idempotent, and the demo code works."""

import pytest

from complaints import demo
from complaints.models import Category, Complaint, Office, Status

from .conftest import en_url

pytestmark = pytest.mark.django_db


def demo_complaints():
    hashes = [demo.demo_token_hash(number) for number in range(1, 17)]
    return Complaint.objects.filter(form_token_hash__in=hashes)


def test_demo_covers_every_state_category_and_office():
    complaints = demo_complaints()
    assert complaints.count() == 16
    assert set(complaints.values_list("status", flat=True)) == set(Status.values)
    assert set(complaints.values_list("category", flat=True)) == set(Category.values)
    assert set(complaints.values_list("office", flat=True)) == set(
        Office.objects.values_list("pk", flat=True)
    )
    assert set(complaints.values_list("language", flat=True)) == {"id", "en", "ar", "zh-hans"}
    assert any(complaint.is_overdue() for complaint in complaints)
    assert any(complaint.can_reopen() for complaint in complaints)
    for complaint in complaints:
        assert complaint.timeline.last().status == complaint.status


def test_offices_are_named_in_every_language():
    office = Office.objects.get(name_ind="Kantor Imigrasi Kelas I Batam")
    assert office.name_en and office.name_ar and office.name_zh_hans


def test_loading_again_creates_nothing():
    before = (Complaint.objects.count(), Office.objects.count())
    assert demo.load() == 0
    assert (Complaint.objects.count(), Office.objects.count()) == before


def test_the_demo_code_opens_the_resolved_complaint(client):
    response = client.post(en_url("track"), {"code": demo.demo_code(7)})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Masalah telah ditangani" in page
    assert 'name="action" value="reopen"' in page
