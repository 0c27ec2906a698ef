"""The short survey after a session: sent once to each confirmed registrant.

Sent by ``send_surveys`` (the hourly periodic job ``evaluation.figures_and_surveys``) from a
few hours after a session ends until a week later; the link is signed (core/signed_links.py) and
works for 30 days, once: answering the survey is the state it is bound to.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail import hooks

from core.emails import queue_email
from core.signed_links import SignedLink
from evaluation import conf
from evaluation.models import EventFeedback, SurveyInvitation

SURVEY_LINK = SignedLink(
    "evaluation.survey",
    max_age=timedelta(days=30),
    state=lambda registration: EventFeedback.objects.filter(registration=registration).exists(),
)

ATTENDEES_HOOK = "sinergi_event_attendees"


def survey_token(registration):
    return SURVEY_LINK.make(registration.pk, registration)


def _confirmed_registration(pk):
    invitation = (
        SurveyInvitation.objects.select_related("registration__session__page")
        .filter(registration_id=pk, registration__status="confirmed")
        .first()
    )
    return invitation.registration if invitation else None


def registration_from_survey_token(token):
    """The registration a survey link is for; LinkError when tampered, expired or answered."""
    return SURVEY_LINK.open(token, _confirmed_registration)


def attendees(since, until):
    """The registrations of people who attended a session that ended in [since, until) (all
    before ``until`` when ``since`` is None), or None when no app answers.

    The events app answers the ``sinergi_event_attendees`` hook (agenda/attendance.py), so
    this app imports no other feature app; the feedback's registrations are its own.
    """
    for answer in hooks.get_hooks(ATTENDEES_HOOK):
        return answer(since, until)
    return None


def send_surveys(now=None):
    """Queue the survey for sessions that ended between ``SURVEY_UNTIL_DAYS`` and
    ``SURVEY_AFTER_HOURS`` ago (a week and two hours by default); returns how many."""
    now = now or timezone.now()
    attended = attendees(
        now - timedelta(days=conf.get("SURVEY_UNTIL_DAYS")),
        now - timedelta(hours=conf.get("SURVEY_AFTER_HOURS")),
    )
    if attended is None:
        return 0
    due = attended.exclude(pk__in=SurveyInvitation.objects.values("registration_id"))
    sent = 0
    for registration in due:
        try:
            with transaction.atomic():
                SurveyInvitation.objects.create(registration=registration)
                _queue(registration)
                sent += 1
        except IntegrityError:  # another run took it
            continue
    return sent


def _queue(registration):
    with translation.override(registration.language):
        link = settings.SITE_BASE_URL + reverse(
            "evaluation:survey", kwargs={"token": survey_token(registration)}
        )
        title = registration.session.page.title
        body = render_to_string(
            "evaluation/email/survey.txt", {"registration": registration, "title": title, "link": link}
        )
        subject = _("How was it? %(title)s") % {"title": title}
    queue_email(registration.email, subject, body)
