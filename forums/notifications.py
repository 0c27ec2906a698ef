"""Emails to followers and askers, written in each recipient's language.

Queued after the commit, built by a background task from the database as it is
then: a post that was hidden in the meantime (or was never visible) sends
nothing, because recipients and content both come from ``Post.objects.visible()``
and ``Thread.objects.visible()``; a queued email whose post or thread is withdrawn
before it goes out is dropped (core/withdrawal.py). Each email carries a signed one-click
unsubscribe link (core/signed_links.py) and the List-Unsubscribe headers (RFC 8058).
The link never expires and works once: stopping a follow deletes it, stopping the
emails about replies turns ``notify_replies`` off, the state the link is bound to.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from core.emails import queue_email
from core.signed_links import SignedLink
from core.withdrawal import subject_key
from forums.models import Follow, Member, Post, Thread
from forums.rendering import plain_text


def _unsubscribe_state(target):
    """A follow's link is used when the follow is deleted; a member's when replies are off."""
    return target.notify_replies if isinstance(target, Member) else ""


UNSUBSCRIBE = SignedLink("forums.unsubscribe", state=_unsubscribe_state)


def unsubscribe_token(target):
    """The token of a link that stops a ``Follow``, or a ``Member``'s emails about replies."""
    kind = "follow" if isinstance(target, Follow) else "replies"
    return UNSUBSCRIBE.make([kind, target.pk], target)


def _unsubscribe_target(value):
    kind, pk = value
    if kind == "follow":
        return Follow.objects.select_related("thread", "board__topic").filter(pk=pk).first()
    return Member.objects.filter(pk=pk).first()


def unsubscribe_target(token):
    """The ``Follow`` or ``Member`` an unsubscribe link stops; LinkError when it does not work."""
    return UNSUBSCRIBE.open(token, _unsubscribe_target)


def post_published(post):
    transaction.on_commit(lambda: notify_post_task.enqueue(post.pk))


def post_hidden(post):
    transaction.on_commit(lambda: notify_hidden_task.enqueue(post.pk))


def status_changed(thread):
    transaction.on_commit(lambda: notify_status_task.enqueue(thread.pk))


def _absolute(language, name, *args):
    with translation.override(language):
        return settings.SITE_BASE_URL + reverse(name, args=args)


def _send(member, template, context, unsubscribe_token, about):
    """Queue one email to ``member`` with a one-click unsubscribe link. ``about`` is the post or
    thread it quotes: withdrawn before it is sent, the email is not sent (core/withdrawal.py)."""
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
        subject_key=subject_key(about),
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
                sent += _send(follow.member, "official_answer", context, unsubscribe_token(follow), post)
    asker = thread.author
    if asker and asker.pk not in told and asker.notify_replies:
        told.add(asker.pk)
        sent += _send(asker, "reply", context, unsubscribe_token(asker), post)
    return sent


def send_for_status(thread_id):
    thread = Thread.objects.visible().select_related("board__topic").filter(pk=thread_id).first()
    if thread is None:
        return 0
    sent = 0
    for follow in followers(thread):
        sent += _send(follow.member, "status", {"thread": thread}, unsubscribe_token(follow), thread)
    return sent


def send_for_hidden(post_id):
    """Tell the author, in their language, that a moderator or readers' reports hid their
    post and why (the public reason), and where they can still see it. Not withdrawn with
    the post (no subject key): it is about the post, to the one person who may see it."""
    post = Post.objects.select_related("thread", "author__user").filter(pk=post_id, state="hidden").first()
    member = post.author if post else None
    if member is None or member.is_banned or not member.user.is_active or not member.user.email:
        return 0
    with translation.override(member.language):
        context = {
            "member": member,
            "post": post,
            "thread": post.thread,
            "profile_url": _absolute(member.language, "forums:profile"),
        }
        subject = " ".join(render_to_string("forums/email/hidden_subject.txt", context).split())
        body = render_to_string("forums/email/hidden_body.txt", context)
    queue_email(member.user.email, subject, body)
    return 1


@task()
def notify_hidden_task(post_id):
    return {"queued": send_for_hidden(post_id)}


@task()
def notify_post_task(post_id):
    return {"queued": send_for_post(post_id)}


@task()
def notify_status_task(thread_id):
    return {"queued": send_for_status(thread_id)}
