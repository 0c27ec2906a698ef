"""Emails to followers and askers, written in each recipient's language.

Queued after the commit, built by a background task from the database as it is
then: a post that was hidden in the meantime (or was never visible) sends
nothing, because recipients and content both come from ``Post.objects.visible()``
and ``Thread.objects.visible()``. Each email carries a signed one-click
unsubscribe link and the List-Unsubscribe headers (RFC 8058).
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from core.emails import queue_email
from forums import tokens
from forums.models import Follow, Post, Thread
from forums.rendering import plain_text


def post_published(post):
    transaction.on_commit(lambda: notify_post_task.enqueue(post.pk))


def status_changed(thread):
    transaction.on_commit(lambda: notify_status_task.enqueue(thread.pk))


def _absolute(language, name, *args):
    with translation.override(language):
        return settings.SITE_BASE_URL + reverse(name, args=args)


def _send(member, template, context, unsubscribe_token):
    """Queue one email to ``member`` with a one-click unsubscribe link."""
    email = member.user.email
    if not email or not member.user.is_active or member.is_banned:
        return False
    language = member.language
    unsubscribe = _absolute(language, "forums:unsubscribe", unsubscribe_token)
    with translation.override(language):
        context = {**context, "member": member, "unsubscribe_url": unsubscribe}
        context["thread_url"] = _absolute(language, "forums:thread", context["thread"].pk)
        subject = " ".join(render_to_string(f"forums/email/{template}_subject.txt", context).split())
        body = render_to_string(f"forums/email/{template}_body.txt", context)
    queue_email(
        email,
        subject,
        body,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return True


def followers(thread, include_board=False):
    """Follows of the thread (and of its board), one per member."""
    follows = Follow.objects.filter(thread=thread).select_related("member__user")
    if include_board:
        follows = follows | Follow.objects.filter(board=thread.board_id).select_related("member__user")
    chosen = {}
    for follow in follows.order_by("thread_id", "pk"):  # a thread follow wins over a board follow
        chosen.setdefault(follow.member_id, follow)
    return list(chosen.values())


def send_for_post(post_id):
    """Emails about a newly visible reply; returns how many were queued."""
    post = Post.objects.visible().select_related("thread__board__topic", "author").filter(pk=post_id).first()
    if post is None or post.is_opening:
        return 0
    thread = post.thread
    context = {"thread": thread, "post": post, "text": plain_text(post.body)[:2000]}
    sent, told = 0, {post.author_id}
    if post.is_official:
        for follow in followers(thread, include_board=True):
            if follow.member_id not in told:
                told.add(follow.member_id)
                sent += _send(follow.member, "official_answer", context, tokens.make("follow", follow.pk))
    asker = thread.author
    if asker and asker.pk not in told and asker.notify_replies:
        told.add(asker.pk)
        sent += _send(asker, "reply", context, tokens.make("replies", asker.pk))
    return sent


def send_for_status(thread_id):
    thread = Thread.objects.visible().select_related("board__topic").filter(pk=thread_id).first()
    if thread is None:
        return 0
    sent = 0
    for follow in followers(thread):
        sent += _send(follow.member, "status", {"thread": thread}, tokens.make("follow", follow.pk))
    return sent


@task()
def notify_post_task(post_id):
    return {"queued": send_for_post(post_id)}


@task()
def notify_status_task(thread_id):
    return {"queued": send_for_status(thread_id)}
