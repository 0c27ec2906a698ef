"""The privacy promise kept: registrations are anonymised ``RETENTION_DAYS`` after their
session, their counts stay for the statistics, and the form says so (issue 20)."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from agenda import figures, retention
from agenda import registration as seats
from agenda.models import Registration
from core.signed_links import LinkError

from .conftest import person
from .test_registration_pages import register_url


@pytest.fixture
def past_session(make_event):
    session = make_event([{"days": -120, "capacity": 5}]).sessions.get()
    before = session.start - timedelta(days=3)
    group = person(
        1, kind="group", organisation="Komunitas", people=3, phone="0812", accessibility_needs="Kursi"
    )
    registrations = [
        seats.register(session.pk, group, now=before),
        seats.register(session.pk, person(2), now=before),
    ]
    return session, registrations


def test_registrations_are_anonymised_after_the_retention_period_and_still_counted(past_session):
    session, registrations = past_session
    token = registrations[0].token
    assert retention.anonymise_due(now=session.end + timedelta(days=89)) == 0
    people_before = figures.compute(session.start - timedelta(days=1), session.end + timedelta(days=1))
    assert retention.anonymise_due(now=session.end + timedelta(days=91)) == 2
    for registration in Registration.objects.filter(session=session):
        assert (registration.name, registration.organisation, registration.phone) == ("", "", "")
        assert registration.accessibility_needs == ""
        assert registration.email.endswith("@anonymised.invalid")
        assert registration.anonymised_at is not None
    group = Registration.objects.get(pk=registrations[0].pk)
    assert (group.people, group.status, group.kind) == (3, "confirmed", "group")
    with pytest.raises(LinkError):
        Registration.from_token(token)
    after = figures.compute(session.start - timedelta(days=1), session.end + timedelta(days=1))
    assert after == people_before
    retention.anonymise_due(now=session.end + timedelta(days=200))  # once: a later run changes nothing
    assert Registration.objects.get(pk=group.pk).anonymised_at == group.anonymised_at


def test_the_periodic_job_anonymises(past_session):
    session, registrations = past_session
    assert retention.scheduled_run()["anonymised"] >= 2
    assert all(Registration.objects.get(pk=r.pk).anonymised_at for r in registrations)


@pytest.mark.parametrize("days", [90, 30])
def test_the_form_states_the_configured_retention(client, session, settings, days):
    cache.clear()
    settings.SINERGI_LIMITS = {"agenda": {"RETENTION_DAYS": days}}
    html = client.get(register_url(session)).content.decode()
    assert f"{days} days after the event" in html


def test_anonymising_in_small_batches_reaches_every_registration(past_session, django_assert_max_num_queries):
    session, _registrations = past_session
    later = session.end + timedelta(days=91)
    # Two batches of one row and a last look that finds nothing: one UPDATE per batch.
    with django_assert_max_num_queries(6):
        assert retention.anonymise_due(now=later, batch=1) == 2
    assert not Registration.objects.filter(session=session, anonymised_at__isnull=True).exists()
