"""Following by email: double opt-in, notifications in the subscriber's language, one-click unsubscribe."""

import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cms import follow
from cms.models import RegulationPage, Subscription, TopicPage
from core.emails import send_pending
from core.models import OutgoingEmail
from tests.helpers import assert_link_no_longer_works, url_in

pytestmark = pytest.mark.django_db


def links_in(message):
    return re.findall(r"http://testserver(/\S+)", message.body)


@pytest.fixture
def regulation():
    return RegulationPage.objects.get(slug="uu-6-2011")


def subscribe(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/en/follow/", data)


def subscribe_reader(client, django_capture_on_commit_callbacks, regulation):
    """a@example.org asks, in English, to follow ``regulation``."""
    subscribe(
        client,
        django_capture_on_commit_callbacks,
        regulation=regulation.pk,
        email="a@example.org",
        language="en",
    )


def email_link(kind):
    """The first link of ``kind`` ("confirm" or "unsubscribe") in the first email sent."""
    return next(link for link in links_in(mail.outbox[0]) if f"/{kind}/" in link)


def test_double_opt_in_and_notification(client, regulation, django_capture_on_commit_callbacks):
    response = subscribe(
        client,
        django_capture_on_commit_callbacks,
        regulation=regulation.pk,
        email="Reader@Example.org",
        language="ar",
    )
    assert response.status_code == 200 and "Check your email" in response.content.decode()
    assert len(mail.outbox) == 1  # sent by the task, after commit
    confirm_link = email_link("confirm")
    assert confirm_link.startswith("/ar/")  # in the subscriber's language
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    subscription = Subscription.objects.get()
    assert subscription.email == "reader@example.org" and subscription.confirmed_at is None

    assert client.get(confirm_link).status_code == 200  # a link scanner's GET confirms nothing
    assert Subscription.objects.get().confirmed_at is None
    assert client.post(confirm_link).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None

    from cms.models import RegulationChangeNote

    RegulationChangeNote.objects.create(
        page=regulation, note="Diperbarui", note_ind="Diperbarui", note_ar="تم التحديث"
    )
    with django_capture_on_commit_callbacks(execute=True):
        regulation.save_revision().publish()
    assert len(mail.outbox) == 2
    assert "تم التحديث" in mail.outbox[1].body
    with django_capture_on_commit_callbacks(execute=True):
        regulation.save_revision().publish()  # same note again: nobody is told twice
    assert len(mail.outbox) == 2


def test_one_click_unsubscribe(client, regulation, django_capture_on_commit_callbacks):
    subscribe_reader(client, django_capture_on_commit_callbacks, regulation)
    unsubscribe = email_link("unsubscribe")
    response = client.post(unsubscribe)  # RFC 8058 one-click POST, no CSRF token
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert_link_no_longer_works(client.get(unsubscribe), "en")
    assert_link_no_longer_works(client.post(unsubscribe), "en")


@pytest.mark.parametrize("token", ["nonsense", "a" * 300, "..:..", "%00"])
def test_bad_tokens_get_a_clear_page(client, token):
    for kind in ("confirm", "unsubscribe"):
        response = client.get(f"/en/follow/{kind}/{token}/")
        assert response.status_code in (400, 404)
        assert "Traceback" not in response.content.decode()


def confirm_path(language, token):
    with translation.override(language):
        return reverse("follow_confirm", args=[token])


@pytest.mark.parametrize("language", ["ar", "id"])
def test_a_confirmation_link_works_once(client, regulation, language):
    subscription = Subscription.objects.create(
        email="b@example.org", language=language, regulation=regulation
    )
    path = confirm_path(language, follow.CONFIRM.make(subscription.pk, subscription))
    assert client.post(path).status_code == 200
    confirmed_at = Subscription.objects.get().confirmed_at
    assert confirmed_at is not None
    assert_link_no_longer_works(client.get(path), language)  # reused
    assert_link_no_longer_works(client.post(path), language)
    assert Subscription.objects.get().confirmed_at == confirmed_at


@pytest.mark.parametrize("language", ["ar", "id"])
def test_a_tampered_or_expired_confirmation_link_changes_nothing(client, regulation, language):
    subscription = Subscription.objects.create(
        email="b@example.org", language=language, regulation=regulation
    )
    token = follow.CONFIRM.make(subscription.pk, subscription)
    eight_days_ago = time.time() - 8 * 24 * 3600
    expired = follow.CONFIRM.make(subscription.pk, subscription, now=eight_days_ago)
    other = Subscription.objects.create(email="c@example.org", language=language, regulation=regulation)
    for bad in (token[:-4] + "abcd", expired, follow.UNSUBSCRIBE.make(other.pk)):
        assert_link_no_longer_works(client.post(confirm_path(language, bad)), language)
    assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()


def test_malformed_email_keeps_the_form(client, regulation):
    response = client.post(
        "/id/follow/", {"regulation": regulation.pk, "email": "not-an-address", "language": "id"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="not-an-address"' in content and 'aria-invalid="true"' in content
    assert not Subscription.objects.exists() and not OutgoingEmail.objects.exists()


def test_subscription_for_a_deleted_topic(client):
    response = client.get("/en/follow/", {"topic": "deleted-topic"})
    assert response.status_code == 404
    assert "There is nothing to follow here" in response.content.decode()


def test_topic_followers_hear_about_guides(client, guide, django_capture_on_commit_callbacks):
    topic = guide.get_parent().specific
    subscription = Subscription.objects.create(email="t@example.org", language="en", topic=topic)
    follow.confirm(follow.CONFIRM.make(subscription.pk, subscription))
    from cms.models import GuideChangeNote

    GuideChangeNote.objects.create(
        page=guide, note="Fee changed", note_ind="Biaya berubah", note_en="Fee changed"
    )
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert mail.outbox[-1].to == ["t@example.org"] and "Fee changed" in mail.outbox[-1].body


def test_failed_email_is_kept_and_retried(settings):
    from core.emails import queue_email

    queue_email("x@example.org", "Subject", "Body")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1  # nothing listens
    assert send_pending() == (0, 1)
    message = OutgoingEmail.objects.get()
    assert message.sent_at is None and message.attempts == 1 and message.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_pending() == (1, 0)


def test_honeypot_and_rate_limit(client, regulation):
    topic = TopicPage.objects.first()
    bot = client.post(
        "/en/follow/", {"topic": topic.slug, "email": "b@example.org", "language": "en", "website": "x"}
    )
    assert bot.status_code == 200 and not Subscription.objects.exists()
    from django.core.cache import cache

    cache.clear()
    statuses = [
        client.post(
            "/en/follow/", {"topic": topic.slug, "email": f"p{n}@example.org", "language": "en"}
        ).status_code
        for n in range(7)
    ]
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429, 429]
    cache.clear()


def test_no_page_shows_a_subscribers_address(client, make_user, regulation):
    Subscription.objects.create(email="secret-person@example.org", language="en", regulation=regulation)
    client.force_login(make_user("editor", "Editors"))
    for url in (
        url_in(regulation, "en"),
        "/admin/reports/subscribers/",
        f"/admin/pages/{regulation.pk}/edit/",
    ):
        content = client.get(url).content.decode()
        assert "secret-person" not in content
    counts = client.get("/admin/reports/subscribers/").content.decode()
    assert "1 langganan menunggu konfirmasi" in counts  # the admin speaks Indonesian by default


def test_opening_the_unsubscribe_link_deletes_nothing(client, regulation, django_capture_on_commit_callbacks):
    """Mail scanners open every link; only the button (a POST) unsubscribes."""
    subscribe_reader(client, django_capture_on_commit_callbacks, regulation)
    unsubscribe = email_link("unsubscribe")
    response = client.get(unsubscribe)
    assert response.status_code == 200 and "<form" in response.content.decode()
    assert Subscription.objects.exists()


def test_repeated_requests_send_one_confirmation(client, regulation, django_capture_on_commit_callbacks):
    for _ in range(3):
        subscribe(
            client,
            django_capture_on_commit_callbacks,
            regulation=regulation.pk,
            email="a@example.org",
            language="en",
        )
    assert len(mail.outbox) == 1


def test_odd_digits_in_filters_are_ignored(client):
    assert client.get("/en/follow/", {"regulation": "²"}).status_code == 404
    from cms.models import RegulationIndexPage

    assert client.get(url_in(RegulationIndexPage.objects.get(), "en"), {"year": "²²²²"}).status_code == 200


def test_following_without_a_topic_offers_the_topics(client, topic):
    """The regulation list links "Get an email when regulations change" to /follow/ with no
    topic chosen; that was a 404."""
    response = client.get("/en/follow/")
    assert response.status_code == 200
    assert f'href="?topic={topic.slug}"' in response.content.decode()
