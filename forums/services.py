"""What members do: ask, reply, vote, follow, flag, accept an answer.

Views check permissions and forms; these functions keep the rules and write the
changes, each in one transaction. Whenever a post becomes visible or a thread's
public state changes, ``published`` refreshes the search index and queues the
notifications (after commit, in the background).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.withdrawal import withdraw
from forums import conf, notifications, spam
from forums.models import (
    Flag,
    Follow,
    Member,
    ModerationAction,
    ModerationLog,
    Post,
    PostState,
    SuggestionStatus,
    Thread,
    ThreadKind,
    ThreadStatus,
    Vote,
    is_official,
)
from forums.search_sync import refresh


class NotAllowed(Exception):
    """The action is not open to this person or on this thread; the message says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def member_for(user, create_for_staff=True):
    """The user's forum profile; staff (officials, moderators) get one made from their name."""
    if not user.is_authenticated:
        return None
    member = Member.objects.filter(user=user).first()
    if member is None and create_for_staff and user.is_staff:
        base = (user.get_full_name() or user.get_username())[:50]
        name, number = base, 1
        while Member.objects.filter(display_name=name).exists():
            number += 1
            name = f"{base} {number}"
        member = Member.objects.create(user=user, display_name=name, language="id")
    return member


def posting_refusal(member, thread=None):
    """Why the member may not post (in this thread), or None when they may."""
    if member is None:
        return _("Sign in and choose a display name to post.")
    if member.is_banned:
        return _("Your account cannot post in the forums any more.")
    if thread is not None and thread.locked:
        return _("This thread is locked: no new replies can be posted.")
    return None


def check_can_post(member, thread=None):
    refusal = posting_refusal(member, thread)
    if refusal is not None:
        raise NotAllowed(refusal)


def unseen_posts(member):
    """The member's own posts that readers cannot see (waiting for review, hidden), newest
    first, so the author knows what happened to each and why."""
    visible = Post.objects.visible().filter(author=member).values("pk")
    return (
        Post.objects.filter(author=member, state__in=[PostState.PENDING, PostState.HIDDEN])
        .exclude(pk__in=visible)
        .select_related("thread")
        .order_by("-created_at")[:50]
    )


def public_urls(thread):
    """The addresses a CDN in front may hold that show ``thread``: its page and JSON, and its
    board's page, JSON and feed and the forum index, in every language."""
    board = thread.board.slug
    names = [
        ("forums:thread", [thread.pk]),
        ("forums:thread_json", [thread.pk]),
        ("forums:board", [board]),
        ("forums:board_json", [board]),
        ("forums:board_feed", [board]),
        ("forums:index", []),
    ]
    urls = []
    for language in settings.WAGTAILFRONTENDCACHE_LANGUAGES:
        with translation.override(language):
            urls += [settings.SITE_BASE_URL + reverse(name, args=args) for name, args in names]
    return urls


def withdraw_post(post):
    """``post`` stopped being public: its thread's documents are recomputed, and it (with its
    thread, when it opened it) leaves caches, a CDN in front and queued emails at once
    (core/withdrawal.py)."""
    refresh(post.thread)
    withdraw(post, *([post.thread] if post.is_opening else []), urls=public_urls(post.thread))


def log(action, actor=None, post=None, thread=None, member=None, reason="", detail=""):
    return ModerationLog.objects.create(
        action=action,
        actor=actor,
        post=post,
        thread=thread or (post.thread if post else None),
        member=member,
        reason=reason[:300],
        detail=detail[:300],
    )


def _new_post(member, thread, body, ip_address, is_opening=False, official=False):
    held = spam.hold_reason(member, body, official=official)
    now = timezone.now()
    post = Post.objects.create(
        thread=thread,
        author=member,
        body=body,
        is_opening=is_opening,
        is_official=official,
        state=PostState.PENDING if held else PostState.APPROVED,
        hold_reason=held,
        approved_at=None if held else now,
        ip_address=ip_address or None,
        body_hash=spam.body_hash(body),
        created_at=now,
    )
    if held:
        log(ModerationAction.HELD, post=post, member=member, detail=held)
    return post


@transaction.atomic
def start_thread(member, board, kind, title, body, language, ip_address=None, guide=None):
    check_can_post(member)
    thread = Thread.objects.create(
        board=board,
        kind=kind,
        title=title,
        language=language,
        author=member,
        guide=guide,
        suggestion_status=SuggestionStatus.RECEIVED if kind == ThreadKind.SUGGESTION else "",
    )
    post = _new_post(member, thread, body, ip_address, is_opening=True)
    Follow.objects.get_or_create(member=member, thread=thread)
    if post.state == PostState.APPROVED:
        published(post)
    return thread, post


@transaction.atomic
def reply(member, thread, body, ip_address=None, official=False):
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    check_can_post(member, thread)
    if official and not is_official(member.user):
        raise NotAllowed(_("Only officials can give an official answer."))
    post = _new_post(member, thread, body, ip_address, official=official)
    if post.state == PostState.APPROVED:
        published(post)
    return post


def published(post):
    """A post has just become visible: the thread changes, followers and the asker hear of it."""
    thread = post.thread
    changed = ["last_activity_at"]
    thread.last_activity_at = post.approved_at or timezone.now()
    status_changed = False
    if post.is_official and thread.kind == ThreadKind.QUESTION and thread.status == ThreadStatus.OPEN:
        thread.status = ThreadStatus.ANSWERED
        changed.append("status")
        status_changed = True
    thread.save(update_fields=[*changed, "updated_at"])
    refresh(thread)
    if post.is_opening:
        return
    notifications.post_published(post)
    if status_changed:
        notifications.status_changed(thread)


@transaction.atomic
def accept_answer(member, post):
    """The asker marks a reply as the answer; the question is then answered."""
    thread = post.thread
    if not post.may_be_accepted_by(member):
        raise NotAllowed(_("Only the person who asked can accept an answer."))
    if not Post.objects.visible().filter(pk=post.pk).exists():
        raise NotAllowed(_("This reply cannot be accepted."))
    thread.posts.filter(is_accepted=True).update(is_accepted=False)
    Post.objects.filter(pk=post.pk).update(is_accepted=True)
    was = thread.status
    if thread.status == ThreadStatus.OPEN:
        thread.status = ThreadStatus.ANSWERED
    thread.save(update_fields=["status", "updated_at"])
    refresh(thread)
    if was != thread.status:
        notifications.status_changed(thread)


def toggle_vote(member, thread):
    """Vote for a thread, or take the vote back. Returns True when the member now votes for it."""
    if member.is_banned:
        raise NotAllowed(_("Your account cannot take part in the forums any more."))
    deleted, _rows = Vote.objects.filter(member=member, thread=thread).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Vote.objects.create(member=member, thread=thread)
    except IntegrityError:  # a second click raced the first: one vote stays
        pass
    return True


def toggle_follow(member, thread=None, board=None):
    deleted, _rows = Follow.objects.filter(member=member, thread=thread, board=board).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Follow.objects.create(member=member, thread=thread, board=board)
    except IntegrityError:
        pass
    return True


class AlreadyFlagged(Exception):
    pass


@transaction.atomic
def flag(member, post, reason):
    """Report a post, once per member; enough reports hide it until a moderator looks."""
    if member is not None and member.is_banned:
        raise NotAllowed(_("Your account cannot take part in the forums any more."))
    if not post.may_be_flagged_by(member):
        raise NotAllowed(_("You cannot report your own post."))
    try:
        with transaction.atomic():
            Flag.objects.create(post=post, member=member, reason=reason)
    except IntegrityError as error:
        raise AlreadyFlagged from error
    open_flags = post.flags.filter(reviewed_at__isnull=True).count()
    # An official answer is never hidden by readers alone: it waits in the moderators' queue
    # (reported and still shown), where a moderator decides.
    if post.state == PostState.APPROVED and not post.is_official and open_flags >= conf.get("FLAGS_TO_HIDE"):
        post.state = PostState.HIDDEN
        post.hold_reason = "flags"
        post.hidden_reason = str(_("Hidden after reports from readers until a moderator reviews it."))
        post.save(update_fields=["state", "hold_reason", "hidden_reason"])
        log(ModerationAction.HIDDEN_BY_FLAGS, post=post, detail=f"{open_flags} reports")
        post.thread.save(update_fields=["updated_at"])
        withdraw_post(post)
        notifications.post_hidden(post)
    return open_flags
