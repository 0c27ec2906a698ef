"""The survey after a session: sent once, answered once, masked."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from agenda import registration as seats
from agenda.models import EventSession
from core.emails import send_pending
from evaluation.models import EventFeedback, SurveyInvitation
from evaluation.surveys import SURVEY_LINK, send_surveys, survey_token
from tests.helpers import assert_link_no_longer_works


def test_survey_sent_once_after_the_session_and_answered_once(client, make_event):
    session = make_event().sessions.get()
    registration = seats.register(
        session.pk, {"name": "Rina", "email": "rina@example.org", "consent": True, "language": "en"}
    )
    session = EventSession.objects.get(pk=session.pk)
    after = session.end + timedelta(hours=3)
    assert send_surveys(now=after) >= 1  # demo sessions ending that week get theirs too
    assert SurveyInvitation.objects.filter(registration=registration).count() == 1
    assert send_surveys(now=after) == 0
    send_pending()
    survey_email = next(
        message
        for message in mail.outbox
        if message.to == ["rina@example.org"] and "/survey/" in message.body
    )
    link = next(line for line in survey_email.body.splitlines() if "/transparency/survey/" in line)
    path = link.split("localhost:8000", 1)[1]
    page = client.get(path)
    assert page.status_code == 200 and "How satisfied" in page.content.decode()
    missing = client.post(path, {"useful": "The officer"})
    assert missing.status_code == 400 and "The officer" in missing.content.decode()
    client.post(path, {"satisfaction": "5", "useful": "Call me 0812 3456 7890", "improve": ""})
    feedback = EventFeedback.objects.get(registration=registration)
    assert feedback.satisfaction == 5 and feedback.useful == "Call me [number]"
    assert_link_no_longer_works(client.get(path), "en")  # used
    assert_link_no_longer_works(client.post(path, {"satisfaction": "1"}), "en")
    assert EventFeedback.objects.get(registration=registration).satisfaction == 5
    assert_link_no_longer_works(client.get("/en/transparency/survey/forged/"), "en")


@pytest.mark.parametrize("language", ["ar", "id"])
def test_a_tampered_or_expired_survey_link_stores_nothing(client, make_event, language):
    session = make_event().sessions.get()
    registration = seats.register(
        session.pk, {"name": "Rina", "email": "rina@example.org", "consent": True, "language": language}
    )
    token = survey_token(registration)
    expired = SURVEY_LINK.make(registration.pk, registration, now=time.time() - 31 * 24 * 3600)
    for bad in (token[:-3] + "abc", expired):
        with translation.override(language):
            path = reverse("evaluation:survey", kwargs={"token": bad})
        assert_link_no_longer_works(client.post(path, {"satisfaction": "4"}), language)
    assert not EventFeedback.objects.filter(registration=registration).exists()


def test_no_survey_for_cancelled_sessions_or_too_early(make_event):
    other = make_event().sessions.get()
    registration = seats.register(other.pk, {"name": "A", "email": "a@example.org", "consent": True})
    send_surveys(now=other.end + timedelta(minutes=30))
    assert not SurveyInvitation.objects.filter(registration=registration).exists()
    other.status = "cancelled"
    other.save()
    send_surveys(now=other.end + timedelta(hours=3))
    assert not SurveyInvitation.objects.filter(registration=registration).exists()
    assert timezone.now() < other.end
