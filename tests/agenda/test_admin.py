"""Organisers see and work registrations; nobody else sees names or contacts."""

import csv
import io
from datetime import time

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from agenda import registration as seats
from agenda.models import Registration

from .conftest import person


@pytest.fixture
def organiser(make_user, client):
    user = make_user("organiser", "Event organisers")
    client.force_login(user)
    return user


@pytest.fixture
def wita_session(make_event):
    session = make_event(
        [{"time_zone": "Asia/Makassar", "start_time": time(9), "capacity": 2}]
    ).sessions.get()
    seats.register(session.pk, person(1, name='=HYPERLINK("http://evil")'))
    seats.register(session.pk, person(2, kind="group", organisation="Komunitas", people=1))
    seats.register(session.pk, person(3))
    return session


def test_editors_without_the_permission_see_no_registrations(make_user, client, wita_session):
    client.force_login(make_user("editor", "Editors"))
    for name, kwargs in [
        ("agenda_admin_sessions", {}),
        ("agenda_admin_session", {"pk": wita_session.pk}),
        ("agenda_admin_export", {"pk": wita_session.pk, "file_format": "csv"}),
    ]:
        response = client.get(reverse(name, kwargs=kwargs))
        assert response.status_code in (302, 403)
        assert b"orang1@example.org" not in response.content


def test_organisers_see_capacity_and_waitlist_at_a_glance(organiser, client, wita_session):
    html = client.get(reverse("agenda_admin_sessions")).content.decode()
    assert wita_session.page.title in html
    detail = client.get(reverse("agenda_admin_session", kwargs={"pk": wita_session.pk})).content.decode()
    assert "orang3@example.org" in detail and "2 of 2" in detail.replace("dari", "of")


def test_exports_use_the_sessions_time_zone_and_neutralise_formulas(organiser, client, wita_session):
    response = client.get(
        reverse("agenda_admin_export", kwargs={"pk": wita_session.pk, "file_format": "csv"})
    )
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 4
    assert all(row[0].endswith("WITA") for row in rows[1:])
    assert rows[1][2].startswith("'=")
    xlsx = client.get(reverse("agenda_admin_export", kwargs={"pk": wita_session.pk, "file_format": "xlsx"}))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 4 and values[3][5] == "orang3@example.org"
    assert client.get(f"/admin/events/sessions/{wita_session.pk}/export.exe").status_code == 404


def test_check_in_can_be_retried_safely(organiser, client, wita_session):
    registration = Registration.objects.get(email="orang1@example.org")
    url = reverse("agenda_admin_check_in", kwargs={"pk": wita_session.pk, "registration_pk": registration.pk})
    assert client.get(url).status_code == 405
    client.post(url)
    first = Registration.objects.get(pk=registration.pk).checked_in_at
    client.post(url)
    assert first is not None and Registration.objects.get(pk=registration.pk).checked_in_at == first


def test_a_message_reaches_everyone_holding_a_seat(organiser, client, wita_session, outbox):
    outbox().clear()
    response = client.post(
        reverse("agenda_admin_message", kwargs={"pk": wita_session.pk}),
        {"subject": "Ruang berubah 100%", "body": "Kita pindah ke ruang 2."},
    )
    assert response.status_code == 302
    sent = outbox()
    assert sorted(message.to[0] for message in sent) == ["orang1@example.org", "orang2@example.org"]
    assert all("Kita pindah ke ruang 2." in message.body for message in sent)
    assert all(message.subject == "Ruang berubah 100%" for message in sent)


def test_reminders_go_once_a_day_before(wita_session, outbox):
    from datetime import timedelta

    from agenda.tasks import send_reminders

    outbox().clear()
    wita_session.refresh_from_db()
    day_before = wita_session.start - timedelta(hours=20)
    assert send_reminders(now=day_before) == 2
    assert send_reminders(now=day_before) == 0
    assert len(outbox()) == 2
