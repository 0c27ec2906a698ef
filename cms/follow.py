"""Following regulations and topics by email: double opt-in, notification, one-click unsubscribe.

Links carry signed tokens (django.core.signing) rather than stored secrets: a
confirmation link is valid for a week, an unsubscribe link for ever. Emails are
written in the subscriber's chosen language and go through the queue in
core/emails.py, so nothing is sent inside the request.
"""

import re
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from cms.models import GuidePage, RegulationPage, TopicPage
from cms.models.subscriptions import NotifiedChange, Subscription
from core.emails import queue_email
from core.models import OutgoingEmail

SALT = "cms.follow"
CONFIRM_MAX_AGE = 7 * 24 * 3600
RESEND_AFTER_MINUTES = 10


class BadToken(Exception):
    """The link is invalid, expired, or its subscription no longer exists."""


def make_token(subscription, action):
    return signing.dumps({"s": subscription.pk, "a": action}, salt=SALT, compress=True)


def read_token(token, action):
    max_age = CONFIRM_MAX_AGE if action == "confirm" else None
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature as error:  # includes SignatureExpired
        raise BadToken(str(error)) from error
    if data.get("a") != action:
        raise BadToken("wrong action")
    subscription = Subscription.objects.filter(pk=data.get("s")).first()
    if subscription is None:
        raise BadToken("no such subscription")
    return subscription


def absolute(base_url, path):
    return base_url.rstrip("/") + path


def links(subscription, base_url):
    with translation.override(subscription.language):
        return {
            "confirm": absolute(
                base_url, reverse("follow_confirm", args=[make_token(subscription, "confirm")])
            ),
            "unsubscribe": absolute(
                base_url, reverse("follow_unsubscribe", args=[make_token(subscription, "unsubscribe")])
            ),
        }


def unsubscribe_headers(url):
    """RFC 8058 one-click unsubscribe, understood by the big mail providers."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@transaction.atomic
def subscribe(email, language, base_url, topic=None, regulation=None):
    """Record a (new or repeated) request and send the confirmation email. Returns the subscription."""
    email = email.strip().lower()
    subscription, _created = Subscription.objects.get_or_create(
        email=email, topic=topic, regulation=regulation, defaults={"language": language}
    )
    subscription.language = language
    subscription.save(update_fields=["language"])
    recently = timezone.now() - timedelta(minutes=RESEND_AFTER_MINUTES)
    already_sent = OutgoingEmail.objects.filter(to=email, created__gte=recently).exists()
    if subscription.confirmed_at is None and not already_sent:  # no flooding someone's inbox
        urls = links(subscription, base_url)
        with translation.override(language):
            subject = render_to_string(
                "cms/email/confirm_subject.txt", {"subscription": subscription}
            ).strip()
            body = render_to_string("cms/email/confirm_body.txt", {"subscription": subscription, **urls})
        queue_email(email, subject, body, unsubscribe_headers(urls["unsubscribe"]))
    return subscription


def confirm(token):
    subscription = read_token(token, "confirm")
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscribe(token):
    subscription = read_token(token, "unsubscribe")
    subject = subscription.subject
    subscription.delete()
    return subject


def change_key(note):
    """One notification per change note: a corrected typo in the note keeps the same key."""
    return f"note:{note.pk}"


def subscribers_for(page):
    """Confirmed subscriptions interested in a published change of ``page``."""
    if isinstance(page, RegulationPage):
        topics = list(page.topics.all())
        subscriptions = Subscription.objects.filter(regulation=page) | Subscription.objects.filter(
            topic__in=topics
        )
    elif isinstance(page, GuidePage):
        subscriptions = Subscription.objects.filter(topic=page.get_parent().specific_deferred)
    else:
        return Subscription.objects.none()
    return subscriptions.filter(confirmed_at__isnull=False)


@transaction.atomic
def notify_change(page, base_url):
    """Tell subscribers about the page's newest change note, once per note."""
    notes = page.sorted_change_notes
    if not notes:
        return 0
    note = notes[0]
    _record, created = NotifiedChange.objects.get_or_create(page=page, key=change_key(note))
    if not created:
        return 0
    sent_to = set()
    for subscription in subscribers_for(page).order_by("id"):
        if subscription.email in sent_to:  # follows both the regulation and its topic
            continue
        sent_to.add(subscription.email)
        urls = links(subscription, base_url)
        with translation.override(subscription.language):
            context = {"page": page, "note": note, "url": absolute(base_url, page.get_url()), **urls}
            subject = render_to_string("cms/email/change_subject.txt", context).strip()
            body = render_to_string("cms/email/change_body.txt", context)
        queue_email(subscription.email, subject, body, unsubscribe_headers(urls["unsubscribe"]))
    return len(sent_to)


def subject_from_request(params):
    """The topic or regulation a follow form is about, from ?topic=slug or ?regulation=id."""
    topic = params.get("topic")
    if topic:
        return TopicPage.objects.live().public().filter(slug=topic).first(), None
    regulation = params.get("regulation")
    if regulation and re.fullmatch(r"[0-9]{1,10}", str(regulation)):
        return None, RegulationPage.objects.live().public().filter(pk=int(regulation)).first()
    return None, None


@task()
def notify_subscribers_task(page_id):
    from django.conf import settings
    from wagtail.models import Page

    page = Page.objects.live().public().filter(pk=page_id).first()  # never about restricted pages
    if page is None:
        return 0
    return notify_change(page.specific, settings.SITE_BASE_URL)


def on_page_published(instance, **kwargs):
    """After a regulation or guide is published, notify its followers in the background."""
    if isinstance(instance, (RegulationPage, GuidePage)):
        transaction.on_commit(lambda: notify_subscribers_task.enqueue(instance.pk))
