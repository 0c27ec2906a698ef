"""Asking and replying: held first posts, abuse defences, limits, badges, kept drafts."""

import time

import pytest

from forums import conf
from forums.forms import FORM_TOKENS
from forums.models import ModerationLog, Post, PostState, Thread

from .conftest import en, old_token, signed_in

pytestmark = pytest.mark.django_db


def ask(client, board, **overrides):
    data = {
        "kind": "question",
        "title": "How do I renew my ITAS online?",
        "body": "My ITAS ends next month. What do I need?",
        "website": "",
        "form_token": old_token(),
    }
    data.update(overrides)
    return client.post(en("new_thread", board.slug), data)


def reply(client, thread, body="Thank you, this helps.", **overrides):
    data = {"body": body, "website": "", "form_token": old_token(), **overrides}
    return client.post(en("thread", thread.pk), data)


def test_reading_needs_no_account(client, board, visible_thread):
    assert client.get(en("index")).status_code == 200
    assert client.get(en("board", board.slug)).status_code == 200
    page = client.get(en("thread", visible_thread.pk))
    assert page.status_code == 200
    assert "Sign in" in page.content.decode()


def test_posting_needs_an_account(client, board, visible_thread):
    assert ask(client, board).status_code == 302
    assert reply(client, visible_thread).url.startswith("/en/accounts/login/")
    assert not Post.objects.filter(body="Thank you, this helps.").exists()


def test_a_new_members_first_post_is_held_then_later_posts_are_not(client, asker, board):
    signed_in(client, asker)
    response = ask(client, board)
    assert response.status_code == 302
    thread = Thread.objects.get(title="How do I renew my ITAS online?")
    post = thread.posts.get()
    assert post.state == PostState.PENDING and post.hold_reason == "first_posts"
    assert ModerationLog.objects.filter(post=post, action="held").exists()
    assert "waiting for a moderator" in client.get(response.url).content.decode()
    assert client.get(en("thread", thread.pk)).status_code == 404
    Post.objects.filter(pk=post.pk).update(state=PostState.APPROVED)
    ask(client, board, title="A second question, not held", body="Another text entirely.")
    second = Post.objects.get(thread__title="A second question, not held")
    assert second.state == PostState.APPROVED


def test_honeypot_refuses_and_keeps_the_text(client, asker, board):
    signed_in(client, asker)
    response = ask(client, board, website="http://spam.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "My ITAS ends next month. What do I need?" in html
    assert not Thread.objects.filter(title="How do I renew my ITAS online?").exists()


def test_a_form_sent_too_fast_is_refused(client, asker, board):
    signed_in(client, asker)
    response = ask(client, board, form_token=FORM_TOKENS.issue())
    assert response.status_code == 400
    assert "sent very quickly" in response.content.decode()


def test_a_form_token_posts_once(client, asker, board, trusted):
    """A robot that fetched one form could post many times with its token (9 in a row before)."""
    signed_in(client, asker)
    token = old_token()
    assert ask(client, board, form_token=token).status_code == 302
    again = ask(client, board, form_token=token, title="The same token a second time")
    assert again.status_code == 400
    assert "This form was sent already" in again.content.decode()
    assert "The same token a second time" in again.content.decode()  # what was typed is kept
    assert not Thread.objects.filter(title="The same token a second time").exists()


@pytest.mark.parametrize("expired", [False, True])
def test_an_expired_or_forged_form_keeps_the_draft(client, asker, board, expired):
    signed_in(client, asker)
    token = FORM_TOKENS.issue(now=time.time() - 2 * 24 * 3600) if expired else "forged"
    response = ask(client, board, form_token=token)
    assert response.status_code == 400
    html = response.content.decode()
    assert "This form has expired" in html and "How do I renew my ITAS online?" in html
    assert not Thread.objects.filter(title="How do I renew my ITAS online?").exists()


def test_field_errors_are_marked_for_assistive_technology(client, asker, board):
    signed_in(client, asker)
    html = ask(client, board, title="", body="").content.decode()
    assert 'aria-invalid="true"' in html
    assert 'href="#id_title"' in html


def test_huge_posts_are_refused_with_the_limit(client, asker, board, trusted):
    signed_in(client, asker)
    response = ask(client, board, body="x" * (conf.get("MAX_POST_LENGTH") + 1))
    assert response.status_code == 400
    assert "Please shorten your message" in response.content.decode()


def test_rate_limit_per_account_counts_only_accepted_posts(client, asker, board, limits, trusted):
    limits("forums", POST_LIMIT=2)
    signed_in(client, asker)
    for _attempt in range(5):  # failed validations do not count
        assert ask(client, board, website="bot").status_code == 400
    assert ask(client, board, title="First allowed question", body="One.").status_code == 302
    assert ask(client, board, title="Second allowed question", body="Two.").status_code == 302
    refused = ask(client, board, title="Third question refused", body="Three.")
    assert refused.status_code == 429
    assert "Three." in refused.content.decode()
    assert not Thread.objects.filter(title="Third question refused").exists()


def test_rate_limit_per_address_spans_accounts(client, make_member, board, limits, trusted):
    limits("forums", IP_POST_LIMIT=1)
    signed_in(client, make_member("first"))
    assert ask(client, board, title="From the first account", body="One.").status_code == 302
    signed_in(client, make_member("second"))
    assert ask(client, board, title="From the second account", body="Two.").status_code == 429


def test_new_members_may_post_only_few_links(client, make_member, board, trusted):
    newcomer = make_member("newcomer", days=1)
    signed_in(client, newcomer)
    body = "See https://a.example and https://b.example"
    response = ask(client, board, body=body)
    assert response.status_code == 400
    assert "at most 1 link" in response.content.decode()
    signed_in(client, make_member("veteran", days=60))
    assert ask(client, board, body=body).status_code == 302


def test_many_links_hold_even_an_established_members_post(client, asker, board, trusted):
    signed_in(client, asker)
    links = " ".join(f"https://l{number}.example" for number in range(conf.get("MAX_LINKS") + 1))
    ask(client, board, body=links)
    assert Post.objects.get(body=links).hold_reason == "links"


def test_spam_phrases_are_held(client, asker, board, trusted):
    signed_in(client, asker)
    ask(client, board, body="Best casino bonus here")
    assert Post.objects.get(body="Best casino bonus here").state == PostState.PENDING


def test_the_same_text_twice_is_refused(client, asker, visible_thread, trusted):
    signed_in(client, asker)
    assert reply(client, visible_thread).status_code == 302
    again = reply(client, visible_thread, body="  thank you,   THIS helps. ")
    assert again.status_code == 400
    assert "already posted this text" in again.content.decode()
    assert Post.objects.filter(author=asker).count() == 1


def test_no_reply_to_a_locked_thread(client, asker, visible_thread, trusted):
    Thread.objects.filter(pk=visible_thread.pk).update(locked=True)
    signed_in(client, asker)
    response = reply(client, visible_thread)
    assert response.status_code == 403
    assert "locked" in response.content.decode()
    assert not Post.objects.filter(author=asker).exists()


def test_banned_members_cannot_post(client, asker, visible_thread, trusted):
    from django.utils import timezone

    asker.banned_at = timezone.now()
    asker.save()
    signed_in(client, asker)
    assert reply(client, visible_thread).status_code == 403


def test_only_officials_give_official_answers_with_a_badge(client, asker, official, visible_thread, trusted):
    signed_in(client, asker)
    page = client.get(en("thread", visible_thread.pk)).content.decode()
    assert 'name="official"' not in page
    reply(client, visible_thread, body="I say this is official.", official="on")
    post = Post.objects.get(body="I say this is official.")
    assert not post.is_official
    signed_in(client, official)
    assert 'name="official"' in client.get(en("thread", visible_thread.pk)).content.decode()
    reply(
        client, visible_thread, body="The sponsor may be an Indonesian citizen or a company.", official="on"
    )
    answer = Post.objects.get(body__startswith="The sponsor may be")
    assert answer.is_official and answer.state == PostState.APPROVED
    visible_thread.refresh_from_db()
    assert visible_thread.status == "answered"
    html = client.get(en("thread", visible_thread.pk)).content.decode()
    assert html.count("forum-badge--official") == 1


def test_a_staff_member_outside_officials_cannot_answer_officially(client, moderator, visible_thread):
    signed_in(client, moderator)
    reply(client, visible_thread, body="Moderator note, not official.", official="on")
    assert not Post.objects.get(body="Moderator note, not official.").is_official


def test_guide_link_is_kept_with_the_question(client, asker, board, guide, trusted):
    signed_in(client, asker)
    ask(client, board, guide=str(guide.pk))
    assert Thread.objects.get(title="How do I renew my ITAS online?").guide_id == guide.pk


def test_the_asker_accepts_an_answer(client, asker, make_member, board, trusted):
    from forums import services

    thread, _post = services.start_thread(asker, board, "question", "Accept me please", "Question text", "en")
    helper = make_member("helper")
    answer = services.reply(helper, thread, "Here is an answer.")
    signed_in(client, helper)
    client.post(en("accept", answer.pk))
    assert not Post.objects.get(pk=answer.pk).is_accepted
    signed_in(client, asker)
    client.post(en("accept", answer.pk))
    assert Post.objects.get(pk=answer.pk).is_accepted
    thread.refresh_from_db()
    assert thread.status == "answered"
