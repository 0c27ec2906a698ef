"""The short survey after a session: sent once to each confirmed registrant.

Sent by ``send_surveys`` (run by ``manage.py evaluation_tick``) from a few hours
after a session ends until a week later; the link is signed (core/signed_links.py) and
works for 30 days, once: answering the survey is the state it is bound to.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agenda.models import Registration
from core.emails import queue_email
from core.signed_links import SignedLink
from evaluation import conf
from evaluation.models import EventFeedback, SurveyInvitation

SURVEY_LINK = SignedLink(
    "evaluation.survey",
    max_age=timedelta(days=30),
    state=lambda registration: EventFeedback.objects.filter(registration=registration).exists(),
)



def survey_token(registration):
    return SURVEY_LINK.make(registration.pk, registration)


def _confirmed_registration(pk):
    return Registration.objects.select_related("session__page").filter(pk=pk, status="confirmed").first()


def registration_from_survey_token(token):
    """The registration a survey link is for; LinkError when tampered, expired or answered."""
    return SURVEY_LINK.open(token, _confirmed_registration)


def send_surveys(now=None):
    """Queue the survey for sessions that ended between ``SURVEY_UNTIL_DAYS`` and
    ``SURVEY_AFTER_HOURS`` ago (a week and two hours by default); returns how many."""
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            status="confirmed",
            session__status="scheduled",
            session__end__lte=now - timedelta(hours=conf.get("SURVEY_AFTER_HOURS")),
            session__end__gte=now - timedelta(days=conf.get("SURVEY_UNTIL_DAYS")),
        )
        .exclude(pk__in=SurveyInvitation.objects.values("registration_id"))
        .select_related("session__page")
    )
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
