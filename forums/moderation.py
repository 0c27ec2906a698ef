"""What moderators do, each step logged with who and why.

Every function takes the acting user and a reason, writes a ``ModerationLog``
entry and refreshes the search documents of the threads it touches, so the
index follows moderation decisions. Approving a post is what makes it public;
that is when followers and the asker are told (services.published).
"""

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.withdrawal import withdraw
from forums import notifications, services
from forums.models import (
    Flag,
    ModerationAction,
    Post,
    PostRevision,
    PostState,
    SuggestionStatus,
    Thread,
    ThreadStatus,
)
from forums.search_sync import refresh
from forums.spam import body_hash

log = services.log


def open_flags():
    return Exists(Flag.objects.filter(post=OuterRef("pk"), reviewed_at__isnull=True))


def queue():
    """Posts waiting for a moderator: held, hidden by reports, or reported and still shown."""
    return (
        Post.objects.filter(
            Q(state=PostState.PENDING)
            | Q(state=PostState.HIDDEN, hold_reason="flags")
            | (Q(state=PostState.APPROVED) & open_flags())
        )
        .select_related("thread__board__topic", "author")
        .order_by("created_at", "pk")
    )


def waiting_counts():
    pending = Post.objects.filter(state=PostState.PENDING).count()
    hidden_by_flags = Post.objects.filter(state=PostState.HIDDEN, hold_reason="flags").count()
    # Exists, not a join: a join's "no open flag" would also match posts never reported.
    reported = Post.objects.filter(open_flags(), state=PostState.APPROVED).count()
    return {"pending": pending, "hidden_by_flags": hidden_by_flags, "reported": reported}


@transaction.atomic
def approve(post, actor, reason=""):
    post = Post.objects.select_for_update().get(pk=post.pk)
    was_visible = post.state == PostState.APPROVED
    post.state = PostState.APPROVED
    post.hold_reason = ""
    post.hidden_reason = ""
    post.approved_at = post.approved_at or timezone.now()
    post.save(update_fields=["state", "hold_reason", "hidden_reason", "approved_at"])
    post.flags.filter(reviewed_at__isnull=True).update(reviewed_at=timezone.now())
    log(
        ModerationAction.APPROVED if not was_visible else ModerationAction.FLAGS_DISMISSED,
        actor,
        post,
        reason=reason,
    )
    if not was_visible:
        services.published(post)
    return post


@transaction.atomic
def hide(post, actor, reason):
    """Hide a post; ``reason`` is shown to readers in its place. Hiding it again only changes
    the reason: its author is told once."""
    already_hidden = Post.objects.filter(pk=post.pk, state=PostState.HIDDEN).exists()
    post.state = PostState.HIDDEN
    post.hold_reason = ""
    post.hidden_reason = reason
    post.save(update_fields=["state", "hold_reason", "hidden_reason"])
    post.flags.filter(reviewed_at__isnull=True).update(reviewed_at=timezone.now())
    log(ModerationAction.HIDDEN, actor, post, reason=reason)
    post.thread.save(update_fields=["updated_at"])
    services.withdraw_post(post)
    if not already_hidden:
        notifications.post_hidden(post)


@transaction.atomic
def edit(post, actor, body, reason):
    """Change a post's text; the original is kept in PostRevision."""
    PostRevision.objects.create(post=post, body=post.body, edited_by=actor, reason=reason)
    post.body = body
    post.body_hash = body_hash(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_hash", "edited_at"])
    log(ModerationAction.EDITED, actor, post, reason=reason)
    post.thread.save(update_fields=["updated_at"])
    refresh(post.thread)


@transaction.atomic
def set_locked(thread, actor, locked, reason=""):
    thread.locked = locked
    thread.save(update_fields=["locked", "updated_at"])
    log(ModerationAction.LOCKED if locked else ModerationAction.UNLOCKED, actor, thread=thread, reason=reason)


@transaction.atomic
def set_closed(thread, actor, closed, reason=""):
    """Close a thread (or reopen it: answered again if it has an official or accepted answer)."""
    if closed:
        thread.status = ThreadStatus.CLOSED
    else:
        answered = Post.objects.visible().filter(thread=thread).filter(is_official=True).exists() or (
            Post.objects.visible().filter(thread=thread, is_accepted=True).exists()
        )
        thread.status = ThreadStatus.ANSWERED if answered else ThreadStatus.OPEN
    thread.save(update_fields=["status", "updated_at"])
    log(ModerationAction.CLOSED if closed else ModerationAction.REOPENED, actor, thread=thread, reason=reason)
    refresh(thread)
    notifications.status_changed(thread)


@transaction.atomic
def move(thread, actor, board, reason=""):
    old = thread.board
    thread.board = board
    thread.save(update_fields=["board", "updated_at"])
    log(ModerationAction.MOVED, actor, thread=thread, reason=reason, detail=f"{old.slug} -> {board.slug}")
    refresh(thread)


@transaction.atomic
def merge(thread, actor, into, reason=""):
    """Move every post of ``thread`` into ``into``; the old address then leads to it."""
    if thread.pk == into.pk:
        raise services.NotAllowed(_("A thread cannot be merged into itself."))
    if not Thread.objects.visible().filter(pk=thread.pk).exists():
        # Replies of a thread readers cannot see must not become public in one they can.
        thread.posts.filter(state=PostState.APPROVED).update(state=PostState.HIDDEN, hidden_reason="")
    thread.posts.update(thread=into, is_opening=False)
    thread.votes.exclude(member__votes__thread=into).update(thread=into)
    thread.merged_into = into
    thread.save(update_fields=["merged_into", "updated_at"])
    into.save(update_fields=["updated_at"])
    log(ModerationAction.MERGED, actor, thread=thread, reason=reason, detail=f"into thread {into.pk}")
    refresh(thread)
    refresh(into)
    withdraw(thread, urls=services.public_urls(thread))


@transaction.atomic
def set_suggestion_status(thread, actor, status, reason=""):
    """Change a suggestion's public status; declining needs a reason, shown to the public."""
    if status == SuggestionStatus.DECLINED and not reason:
        raise services.NotAllowed(_("A declined suggestion needs a reason."))
    thread.suggestion_status = status
    thread.decline_reason = reason if status == SuggestionStatus.DECLINED else ""
    thread.save(update_fields=["suggestion_status", "decline_reason", "updated_at"])
    log(ModerationAction.SUGGESTION_STATUS, actor, thread=thread, reason=reason, detail=status)
    refresh(thread)
    notifications.status_changed(thread)


@transaction.atomic
def ban(member, actor, reason):
    """Stop a member posting; what waits from them is hidden, what was approved stays.
    ``reason`` is the moderators' internal note: it is never shown in place of a post, and
    posts that never were public leave no placeholder at all."""
    member.banned_at = timezone.now()
    member.ban_reason = reason
    member.save(update_fields=["banned_at", "ban_reason"])
    for post in member.posts.filter(state=PostState.PENDING):
        post.state = PostState.HIDDEN
        post.hidden_reason = ""
        post.hold_reason = ""
        post.save(update_fields=["state", "hidden_reason", "hold_reason"])
        services.withdraw_post(post)
    log(ModerationAction.BANNED, actor, member=member, reason=reason)


@transaction.atomic
def unban(member, actor, reason=""):
    member.banned_at = None
    member.ban_reason = ""
    member.save(update_fields=["banned_at", "ban_reason"])
    log(ModerationAction.UNBANNED, actor, member=member, reason=reason)
