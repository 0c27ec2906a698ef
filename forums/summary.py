"""The daily email to moderators: what waits for them in the queue.

Sent to the active members of the "Forum moderators" group with an email
address, in English or Indonesian as the admin is, only when something waits.
It counts and lists titles of threads; it quotes no post, so it never carries
hidden content into an inbox. Once per moderator and day (core/notices.py): the
scheduler's retry or ``run_periodic --force`` sends only what was not sent.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core import notices
from core.emails import queue_email
from forums import moderation
from forums.models import MODERATORS_GROUP

KEY = "forums.moderation_summary"  # the periodic job that sends it


def moderators():
    return get_user_model().objects.filter(groups__name=MODERATORS_GROUP, is_active=True).exclude(email="")


def send_summary():
    """Queue today's summary to every moderator who has not had it; returns how many (0 when
    nothing waits)."""
    counts = moderation.waiting_counts()
    if not any(counts.values()):
        return 0
    waiting = list(moderation.queue()[:20])
    with translation.override("en"):
        context = {
            "counts": counts,
            "total": sum(counts.values()),
            "waiting": waiting,
            "queue_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("forums_admin:queue"),
        }
        subject = " ".join(render_to_string("forums/email/summary_subject.txt", context).split())
        body = render_to_string("forums/email/summary_body.txt", context)
    sent = 0
    today = notices.day()
    for user in moderators():
        with transaction.atomic():
            if notices.claim(KEY, user.pk, today):
                queue_email(user.email, subject, body)
                sent += 1
    return sent
