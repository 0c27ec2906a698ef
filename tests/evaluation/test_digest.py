"""The weekly digest goes once a week to each page owner, even when its run crashes half-way
and is run again (the scheduler's retry, or an operator's ``--force``)."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Max

from core.models import OutgoingEmail, PeriodicRun
from evaluation import digest
from evaluation.models import PageRating

pytestmark = pytest.mark.django_db


def force_digest():
    err = StringIO()
    call_command(
        "run_periodic", "--once", "--force", "evaluation.weekly_digest", stdout=StringIO(), stderr=err
    )
    return err.getvalue()


@pytest.fixture
def two_owners(make_user, guide, english_only_guide):
    owners = []
    for number, page in enumerate((guide, english_only_guide)):
        owner = make_user(f"owner{number}")
        page.owner = owner
        page.save(update_fields=["owner"])
        PageRating.objects.create(
            page=page, language="id", helpful=True, comment="Jelas", visitor=f"d{number}"
        )
        owners.append(owner)
    return owners


def digests_since(first_id):
    return Counter(OutgoingEmail.objects.filter(pk__gt=first_id).values_list("to", flat=True))


def test_a_crash_half_way_and_two_reruns_send_each_owner_one_digest(two_owners, monkeypatch):
    first_id = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    queue_email = digest.queue_email
    calls = []

    def crash_on_the_second(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 2:
            raise ConnectionError("the process dies here")
        return queue_email(*args, **kwargs)

    monkeypatch.setattr(digest, "queue_email", crash_on_the_second)
    assert "evaluation.weekly_digest: failed" in force_digest()
    assert PeriodicRun.objects.get(key="evaluation.weekly_digest").outcome == "failed"
    assert sum(digests_since(first_id).values()) == 1
    monkeypatch.setattr(digest, "queue_email", queue_email)

    assert force_digest() == ""
    sent = digests_since(first_id)
    assert {owner.email for owner in two_owners} <= set(sent)
    assert set(sent.values()) == {1}

    assert force_digest() == ""
    assert digests_since(first_id) == sent  # run again the same week: nothing new
