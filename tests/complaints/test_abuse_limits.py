"""Limits that hold under abuse: additions per complaint per hour, a size quota per complaint,
and look-up lockouts that slow a guesser down without locking a whole NAT out for an hour."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from complaints import attachments, codes, lookups, services
from complaints.models import Addition, Attachment, TimelineEntry

from .conftest import en_url, pdf_upload
from .test_tracking import look_up

pytestmark = pytest.mark.django_db


def add(client, text="More", files=()):
    return client.post(en_url("status"), {"action": "add", "text": text, "attachments": list(files)})


def test_additions_per_complaint_per_hour_are_limited(client, file_via_service, limits):
    limits("complaints", ADDITIONS_PER_HOUR=3)
    filed = file_via_service()
    look_up(client, filed.code)
    for _ in range(3):
        assert add(client).status_code == 302
    refused = add(client, "the fourth")
    assert refused.status_code == 429
    assert "You have added information several times" in refused.content.decode()
    assert Addition.objects.filter(complaint=filed.complaint).count() == 3
    timeline = TimelineEntry.objects.filter(complaint=filed.complaint, kind=TimelineEntry.Kind.INFORMATION)
    assert timeline.count() == 3
    # An hour later the complainant may add again.
    later = timezone.now() + timedelta(hours=1, seconds=1)
    services.add_information(filed.complaint, "next hour", [], now=later)


def test_a_complaint_has_a_total_size_quota(client, file_via_service, limits):
    size = len(pdf_upload().read())
    limits("complaints", ATTACHMENT_QUOTA_BYTES=size * 2, ADDITIONS_PER_HOUR=10)
    filed = file_via_service()
    look_up(client, filed.code)
    assert add(client, files=[pdf_upload()]).status_code == 302
    refused = add(client, files=[pdf_upload("b.pdf"), pdf_upload("c.pdf")])
    assert refused.status_code == 413
    assert "no room for more files" in refused.content.decode()
    assert Attachment.objects.filter(complaint=filed.complaint).count() == 1
    with pytest.raises(ValidationError):
        upload = pdf_upload("d.pdf")
        services.add_information(filed.complaint, "x", [(upload, attachments.check(upload))] * 2)


def test_wrong_codes_slow_a_network_down_instead_of_locking_it_out(client, file_via_service, limits):
    limits("complaints", LOOKUP_FREE_FAILURES=3, LOOKUP_DELAY_SECONDS=2, LOOKUP_MAX_DELAY_SECONDS=60)
    filed = file_via_service()
    now = timezone.now()
    for _ in range(4):
        assert look_up(client, codes.generate()).status_code == 404
    # The fourth wrong code makes the network wait a little, not an hour.
    wait = lookups.wait_seconds("127.0.0.1")
    assert 0 < wait <= 2
    refused = look_up(client, filed.code)
    assert refused.status_code == 429 and "Please wait" in refused.content.decode()
    # Once the short delay has passed, a neighbour behind the same NAT gets in with their code.
    assert lookups.wait_seconds("127.0.0.1", now=now + timedelta(seconds=3)) == 0


def test_the_delay_grows_with_each_wrong_code_up_to_a_cap(limits):
    limits("complaints", LOOKUP_FREE_FAILURES=2, LOOKUP_DELAY_SECONDS=2, LOOKUP_MAX_DELAY_SECONDS=30)
    now = timezone.now()
    delays = []
    for _ in range(8):
        lookups.failed("10.0.0.9", codes.generate(), now=now)
        delays.append(lookups.wait_seconds("10.0.0.9", now=now))
    assert delays == [0, 0, 2, 4, 8, 16, 30, 30]
    assert lookups.wait_seconds("10.0.0.10", now=now) == 0  # another client is not slowed


def test_the_same_wrong_code_again_is_not_a_new_guess(limits):
    limits("complaints", LOOKUP_FREE_FAILURES=2, LOOKUP_DELAY_SECONDS=2, LOOKUP_MAX_DELAY_SECONDS=30)
    code = codes.generate()
    for _ in range(5):
        lookups.failed("10.0.0.11", code)
    assert lookups.wait_seconds("10.0.0.11") == 0
