"""Following regulations and topics by email: double opt-in, notification, one-click unsubscribe.

Links are signed (core/signed_links.py), nothing is stored for them. A confirmation link
works for a week and once: confirming changes the state it is bound to. An unsubscribe
link never expires and works once: unsubscribing deletes the subscription. Emails are
written in the subscriber's chosen language and go through the queue in
core/emails.py, so nothing is sent inside the request.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Page

from cms.models import GuidePage, RegulationPage, TopicPage
from cms.models.subscriptions import NotifiedChange, Subscription
from core.emails import queue_email
from core.models import OutgoingEmail
from core.signed_links import LinkError, SignedLink

RESEND_AFTER_MINUTES = 10
CONFIRM = SignedLink(
    "cms.follow.confirm", max_age=7 * 24 * 3600, state=lambda subscription: subscription.confirmed_at is None
)
UNSUBSCRIBE = SignedLink("cms.follow.unsubscribe")


def _subscription(pk):
    return Subscription.objects.filter(pk=pk).first()


def open_link(link, token):
    """The subscription a confirm or unsubscribe link is for; LinkError when it does not work."""
    return link.open(token, _subscription)


def absolute(base_url, path):
    return base_url.rstrip("/") + path


def links(subscription, base_url):
    with translation.override(subscription.language):
        return {
            "confirm": absolute(
                base_url, reverse("follow_confirm", args=[CONFIRM.make(subscription.pk, subscription)])
            ),
            "unsubscribe": absolute(
                base_url, reverse("follow_unsubscribe", args=[UNSUBSCRIBE.make(subscription.pk)])
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


@transaction.atomic
def confirm(token):
    """Confirm the subscription of a confirmation link, once; LinkError when it does not work."""
    subscription = open_link(CONFIRM, token)
    confirmed = Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    if not confirmed:  # a second click that arrived at the same time
        raise LinkError(LinkError.USED)
    return subscription


@transaction.atomic
def unsubscribe(token):
    """Delete the subscription of an unsubscribe link; returns what it followed."""
    subscription = open_link(UNSUBSCRIBE, token)
    subject = subscription.subject
    if not Subscription.objects.filter(pk=subscription.pk).delete()[0]:
        raise LinkError(LinkError.USED)  # a second click that arrived at the same time
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
    page = Page.objects.live().public().filter(pk=page_id).first()  # never about restricted pages
    if page is None:
        return 0
    return notify_change(page.specific, settings.SITE_BASE_URL)


def on_page_published(instance, **kwargs):
    """After a regulation or guide is published, notify its followers in the background."""
    if isinstance(instance, (RegulationPage, GuidePage)):
        transaction.on_commit(lambda: notify_subscribers_task.enqueue(instance.pk))
