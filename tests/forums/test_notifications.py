"""Emails to followers and askers: after commit, only for visible content, with one-click unsubscribe."""

import pytest
from django.urls import reverse
from django.utils import translation

from forums import notifications, services
from forums.models import Follow, Member, PostState, Vote
from tests.helpers import assert_link_no_longer_works

from .conftest import emails_to, en, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(asker, board, trusted):
    thread, _post = services.start_thread(asker, board, "question", "When does my visa end?", "Text", "en")
    return thread


def test_followers_hear_of_an_official_answer_with_unsubscribe_headers(
    question, official, make_member, django_capture_on_commit_callbacks
):
    follower = make_member("follower")
    board_follower = make_member("boardfollower")
    services.toggle_follow(follower, thread=question)
    services.toggle_follow(board_follower, board=question.board)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(
            official, question, "Your visa ends on the date in your passport stamp.", official=True
        )
    for member in (follower, board_follower, question.author):
        (email,) = [e for e in emails_to(member.user.email) if "Official answer" in e.subject]
        assert "passport stamp" in email.body
        unsubscribe = email.headers["List-Unsubscribe"].strip("<>")
        assert unsubscribe in email.body
        assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not emails_to(official.user.email)


def test_the_author_hears_of_replies_but_not_of_their_own(
    question, asker, make_member, django_capture_on_commit_callbacks
):
    helper = make_member("helper")
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(asker, question, "Adding a detail myself.")
        services.reply(helper, question, "Look at the stamp.")
    emails = emails_to(asker.user.email)
    assert len(emails) == 1 and "Look at the stamp." in emails[0].body


def test_a_held_reply_notifies_nobody_until_approved(
    question, asker, make_member, moderator, limits, django_capture_on_commit_callbacks
):
    from forums import moderation

    limits("forums", FIRST_POSTS_HELD=1)
    newcomer = make_member("newcomer")
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(newcomer, question, "A first reply that waits.")
    assert post.state == PostState.PENDING
    assert not emails_to(asker.user.email)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(post, moderator.user)
    assert len(emails_to(asker.user.email)) == 1


def test_status_change_emails_thread_followers(
    official, moderator, make_member, django_capture_on_commit_callbacks
):
    from forums import moderation
    from forums.models import Thread

    thread = Thread.objects.visible().get(title="Send a reminder email before a stay permit expires")
    follower = make_member("suggestionfan")
    services.toggle_follow(follower, thread=thread)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.set_suggestion_status(thread, moderator.user, "planned")
    (email,) = emails_to(follower.user.email)
    assert "Planned" in email.body


def test_unsubscribe_get_shows_a_button_and_post_unsubscribes(client, asker, question):
    follow = Follow.objects.get(member=asker, thread=question)
    url = en("unsubscribe", notifications.unsubscribe_token(follow))
    page = client.get(url)
    assert page.status_code == 200 and "<form" in page.content.decode()
    assert Follow.objects.filter(pk=follow.pk).exists()
    assert client.post(url).status_code == 200  # one-click: no CSRF token needed
    assert not Follow.objects.filter(pk=follow.pk).exists()
    assert_link_no_longer_works(client.post(url), "en")  # used


def unsubscribe_path(language, token):
    with translation.override(language):
        return reverse("forums:unsubscribe", args=[token])


@pytest.mark.parametrize("language", ["ar", "id"])
def test_unsubscribe_from_reply_emails_once(client, asker, language):
    path = unsubscribe_path(language, notifications.unsubscribe_token(asker))
    assert client.post(path).status_code == 200
    assert not Member.objects.get(pk=asker.pk).notify_replies
    assert_link_no_longer_works(client.post(path), language)


@pytest.mark.parametrize("language", ["ar", "id"])
def test_a_changed_unsubscribe_link_is_refused_and_changes_nothing(client, asker, question, language):
    follow = Follow.objects.get(member=asker, thread=question)
    token = notifications.unsubscribe_token(follow)
    for bad in ("follow:1", token[:-3] + "abc", notifications.UNSUBSCRIBE.make(["follow", 10**9], follow)):
        assert_link_no_longer_works(client.post(unsubscribe_path(language, bad)), language)
    assert Follow.objects.filter(pk=follow.pk).exists() and Member.objects.get(pk=asker.pk).notify_replies


def test_one_vote_per_member(client, asker, question):
    signed_in(client, asker)
    client.post(en("vote", question.pk))
    assert Vote.objects.filter(thread=question).count() == 1
    client.post(en("vote", question.pk))  # a second press takes it back
    assert Vote.objects.filter(thread=question).count() == 0
    Vote.objects.create(thread=question, member=asker)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(thread=question, member=asker)


def test_follow_a_board_from_its_page(client, asker, board):
    signed_in(client, asker)
    client.post(en("follow_board", board.slug))
    assert Follow.objects.filter(member=asker, board=board).exists()
    assert "Stop following this board" in client.get(en("board", board.slug)).content.decode()
