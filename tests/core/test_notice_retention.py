"""Records of sent digests are kept while their period can run again, then deleted."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core import retention
from core.models import SentNotice

pytestmark = pytest.mark.django_db


def test_old_records_of_sent_digests_are_deleted_and_recent_ones_kept():
    old = SentNotice.objects.create(key="evaluation.weekly_digest", recipient="7", period="2026-W01")
    SentNotice.objects.filter(pk=old.pk).update(
        sent_at=timezone.now() - timedelta(days=retention.NOTICE_DAYS + 1)
    )
    recent = SentNotice.objects.create(key="evaluation.weekly_digest", recipient="7", period="2026-W49")
    assert retention.forget_old_notices() == 1
    assert list(SentNotice.objects.values_list("pk", flat=True)) == [recent.pk]
