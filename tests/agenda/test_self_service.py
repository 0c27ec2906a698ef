"""The registrant's own page: waitlist position, cancelling with a confirmation step, no
indexing; a session moved later reminds again (issue 20)."""

from datetime import timedelta

from agenda import conf, tasks
from agenda import registration as seats
from agenda.models import EventSession, Registration
from core.models import OutgoingEmail

from .conftest import person


def manage_path(registration):
    return f"/en/events/registration/{registration.token}/"


def test_the_page_is_not_indexed_and_shows_the_waitlist_position(client, session):
    waiting = [seats.register(session.pk, person(number, language="en")) for number in range(5)][3:]
    response = client.get(manage_path(waiting[1]))
    html = response.content.decode()
    assert '<meta name="robots" content="noindex' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "number 2 on the waitlist" in html


def test_cancelling_asks_for_confirmation_first(client, session):
    registration = seats.register(session.pk, person(1, language="en"))
    asked = client.get(manage_path(registration) + "?confirm=cancel").content.decode()
    assert "Do you want to cancel" in asked and 'value="cancel"' in asked
    page = client.get(manage_path(registration)).content.decode()
    assert 'value="cancel"' not in page and "?confirm=cancel" in page
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
    client.post(manage_path(registration), {"action": "cancel"})
    assert Registration.objects.get(pk=registration.pk).status == "cancelled"


def test_a_session_moved_later_gets_a_second_reminder(session):
    registration = seats.register(session.pk, person(1, language="en"))
    before = session.start - timedelta(hours=conf.get("REMINDER_HOURS") - 1)
    assert tasks.send_reminders(now=before) == 1
    assert tasks.send_reminders(now=before + timedelta(minutes=5)) == 0
    later = session.date + timedelta(days=2)
    moved = EventSession.objects.get(pk=session.pk)
    moved.date = later
    moved.save()
    assert tasks.send_reminders(now=before + timedelta(minutes=10)) == 0  # not yet due again
    assert tasks.send_reminders(now=moved.start - timedelta(hours=1)) == 1
    reminders = OutgoingEmail.objects.filter(to=registration.email, subject__startswith="Reminder")
    assert reminders.count() == 2
