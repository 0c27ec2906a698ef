"""Boards, threads, posts and what members and moderators do with them.

The one visibility rule lives here: ``Post.objects.visible()`` and
``Thread.objects.visible()``. A post is visible when it is approved and its
thread's opening post is approved too (a reply in a hidden thread is as hidden as
the thread), and the thread has not been merged away. Pages, feeds, search
documents, notifications, the JSON API and exports all start from these
methods, so a pending, hidden or deleted post can appear nowhere.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

OFFICIALS_GROUP = "Officials"
MODERATORS_GROUP = "Forum moderators"


class Member(models.Model):
    """A person's public forum profile; officials get one the first time they post."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_member"
    )
    display_name = models.CharField(_("display name"), max_length=60, unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    joined_at = models.DateTimeField(default=timezone.now)
    notify_replies = models.BooleanField(_("email me when someone replies to my threads"), default=True)
    banned_at = models.DateTimeField(null=True, blank=True)
    ban_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("forum member")
        verbose_name_plural = _("forum members")

    def __str__(self):
        return self.display_name

    @property
    def is_banned(self):
        return self.banned_at is not None


def is_official(user):
    """Officials are active staff accounts in the "Officials" group."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.groups.filter(name=OFFICIALS_GROUP).exists()
    )


class Board(models.Model):
    """One board per guide topic; its name and introduction are the topic's (translated there)."""

    topic = models.OneToOneField(
        "cms.TopicPage", on_delete=models.CASCADE, related_name="forum_board", verbose_name=_("topic")
    )
    slug = models.SlugField(unique=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("board")
        verbose_name_plural = _("boards")

    def __str__(self):
        return self.topic.title

    def get_absolute_url(self):
        return reverse("forums:board", args=[self.slug])

    @property
    def name(self):
        return self.topic.title


class ThreadKind(models.TextChoices):
    QUESTION = "question", _("Question")
    FEEDBACK = "feedback", _("Feedback")
    SUGGESTION = "suggestion", _("Suggestion")


class ThreadStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class SuggestionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Under review")
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


class PostState(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    HIDDEN = "hidden", _("Hidden")
    DELETED = "deleted", _("Deleted")


def _opening_approved(thread_ref):
    return Exists(Post.objects.filter(thread=thread_ref, is_opening=True, state=PostState.APPROVED))


class ThreadQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(_opening_approved(OuterRef("pk")), merged_into__isnull=True)


class Thread(models.Model):
    board = models.ForeignKey(
        Board, on_delete=models.PROTECT, related_name="threads", verbose_name=_("board")
    )
    kind = models.CharField(_("type"), max_length=20, choices=ThreadKind.choices, default=ThreadKind.QUESTION)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=ThreadStatus.choices, default=ThreadStatus.OPEN
    )
    suggestion_status = models.CharField(
        _("suggestion status"), max_length=20, choices=SuggestionStatus.choices, blank=True
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    locked = models.BooleanField(_("locked"), default=False)
    guide = models.ForeignKey(
        "cms.GuidePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_threads",
        verbose_name=_("guide"),
    )
    author = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="threads"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    faq_guide = models.ForeignKey(
        "cms.GuidePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [models.Index(fields=["board", "-last_activity_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:thread", args=[self.pk])

    @property
    def is_suggestion(self):
        return self.kind == ThreadKind.SUGGESTION

    def still_public(self):
        """May an email about this thread still go out? (core/withdrawal.py)"""
        return Thread.objects.visible().filter(pk=self.pk).exists()

    def may_accept_answer(self, member):
        """Only the person who asked a question chooses its answer."""
        return member is not None and self.author_id == member.pk and self.kind == ThreadKind.QUESTION


class PostQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(
            _opening_approved(OuterRef("thread")),
            state=PostState.APPROVED,
            thread__merged_into__isnull=True,
        )


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts")
    body = models.TextField(_("text"))
    is_opening = models.BooleanField(default=False)
    is_official = models.BooleanField(_("official answer"), default=False)
    is_accepted = models.BooleanField(_("accepted answer"), default=False)
    state = models.CharField(_("state"), max_length=20, choices=PostState.choices, default=PostState.PENDING)
    hold_reason = models.CharField(_("why it waits"), max_length=40, blank=True)
    hidden_reason = models.CharField(_("reason shown in place of the post"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    # Kept for abuse handling only, removed after IP_RETENTION_DAYS (forums/retention.py).
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    body_hash = models.CharField(max_length=64, db_index=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        permissions = [
            ("moderate_forums", _("Can moderate the forums")),
            ("convert_thread", _("Can turn an answered question into a guide's FAQ item")),
        ]
        indexes = [models.Index(fields=["thread", "state", "created_at"])]

    def __str__(self):
        return f"post {self.pk}"

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}#post-{self.pk}"

    def may_be_accepted_by(self, member):
        """A reply (never the question itself) may be accepted by the asker."""
        return not self.is_opening and self.thread.may_accept_answer(member)

    def may_be_flagged_by(self, member):
        """Any member in good standing may report a post, except their own."""
        return member is not None and not member.is_banned and self.author_id != member.pk

    def still_public(self):
        """May an email quoting this post still go out? (core/withdrawal.py)"""
        return Post.objects.visible().filter(pk=self.pk).exists()


class PostRevision(models.Model):
    """The text of a post before a moderator edited it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"revision {self.pk} of post {self.post_id}"


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive or hateful")
    PERSONAL_DATA = "personal_data", _("Shares someone's personal data")
    MISLEADING = "misleading", _("Wrong or misleading information")
    OFF_TOPIC = "off_topic", _("Off topic")


class Flag(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    created_at = models.DateTimeField(default=timezone.now)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "member"], name="forums_one_flag_per_member")]

    def __str__(self):
        return f"flag {self.pk}"


class Vote(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="votes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "member"], name="forums_one_vote_per_member")
        ]

    def __str__(self):
        return f"vote {self.pk}"


class Follow(models.Model):
    """A member following a thread or a whole board (exactly one of the two)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="follows")
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    board = models.ForeignKey(Board, null=True, blank=True, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=True, board__isnull=False)
                | Q(thread__isnull=False, board__isnull=True),
                name="forums_follow_thread_or_board",
            ),
            models.UniqueConstraint(
                fields=["member", "thread"],
                condition=Q(thread__isnull=False),
                name="forums_follow_thread_once",
            ),
            models.UniqueConstraint(
                fields=["member", "board"], condition=Q(board__isnull=False), name="forums_follow_board_once"
            ),
        ]

    def __str__(self):
        return f"follow {self.pk}"

    @property
    def subject(self):
        return self.thread or self.board


class ModerationAction(models.TextChoices):
    APPROVED = "approved", _("Approved")
    HELD = "held", _("Held for review")
    HIDDEN = "hidden", _("Hidden")
    HIDDEN_BY_FLAGS = "hidden_by_flags", _("Hidden after reports")
    FLAGS_DISMISSED = "flags_dismissed", _("Reports dismissed")
    EDITED = "edited", _("Edited")
    LOCKED = "locked", _("Locked")
    UNLOCKED = "unlocked", _("Unlocked")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    MOVED = "moved", _("Moved")
    MERGED = "merged", _("Merged")
    BANNED = "banned", _("Banned")
    UNBANNED = "unbanned", _("Unbanned")
    SUGGESTION_STATUS = "suggestion_status", _("Suggestion status changed")
    FAQ = "faq", _("Added to a guide's questions")
    ACCOUNT_DELETED = "account_deleted", _("Account deleted by the member")


class ModerationLog(models.Model):
    """Who did what, when and why. Kept when the post or thread is gone."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30, choices=ModerationAction.choices)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="log")
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.SET_NULL, related_name="log")
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="log")
    reason = models.CharField(max_length=300, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self):
        return f"{self.action} {self.created_at:%Y-%m-%d}"
