"""The "Questions about this guide" section at the end of a guide page (core/page_extras.py).

It lists visible questions on the board of the guide's topic or linked to the
guide itself, answered first, and links to ask a new question about the guide.
A guide whose topic has no board shows nothing.

Every view of a guide shows the section, and finding its questions (two queries, the
board and the ordered threads) cost a fifth of the page's time, so they are kept in the
"pages" cache. The key carries the forums' stamp, renewed whenever a thread or post is
saved or deleted (a question approved, answered or closed shows on the next view); what
is hidden, rejected or merged also goes through the withdrawal path, which empties the
"pages" cache. Changes written without saving a model (bulk updates) show within
``QUESTIONS_SECONDS``, and within a minute in other processes when they do not share the
cache (``core.cache.kept_for``).
"""

import uuid

from django.core.cache import caches
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from core.cache import kept_for
from core.on_commit import on_commit_once
from forums.models import Board, Post, Thread, ThreadKind, ThreadStatus

SHOWN = 5
QUESTIONS_SECONDS = 300
STAMP_KEY = "forums:stamp"


def related_questions(guide):
    # The guide's topic is its parent: found by the path without its last step, with the board,
    # rather than by get_parent() and then the board's topic again for the link (2 queries).
    board = Board.objects.select_related("topic").filter(topic__path=guide.path[: -guide.steplen]).first()
    threads = (
        Thread.objects.visible()
        .filter(kind=ThreadKind.QUESTION)
        .filter(Q(guide=guide) | Q(board=board) if board else Q(guide=guide))
    )
    answered_first = Case(
        When(status=ThreadStatus.ANSWERED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    linked_first = Case(When(guide=guide, then=Value(0)), default=Value(1), output_field=IntegerField())
    return board, list(threads.order_by(linked_first, answered_first, "-last_activity_at")[:SHOWN])


def forums_stamp():
    """The token that names the forums' current state in cache keys (a new one once emptied)."""
    stamp = caches["pages"].get(STAMP_KEY)
    if stamp is None:
        stamp = renew_stamp()
    return stamp


def renew_stamp():
    stamp = uuid.uuid4().hex
    caches["pages"].set(STAMP_KEY, stamp, None)
    return stamp


def cached_questions(guide):
    """``related_questions(guide)``, kept in the "pages" cache until the forums change."""
    key = f"guide-questions:{guide.pk}:{forums_stamp()}"
    found = caches["pages"].get(key)
    if found is None:
        found = related_questions(guide)
        caches["pages"].set(key, found, kept_for(QUESTIONS_SECONDS))
    return found


def on_forum_change(**kwargs):
    """Renewed at once, and again after the commit: a view that read the forums before the
    change was committed may have cached them under the first new stamp."""
    renew_stamp()
    on_commit_once(renew_stamp)


def connect():
    for model in (Thread, Post):
        label = model._meta.label_lower
        post_save.connect(on_forum_change, sender=model, dispatch_uid=f"forums.guide_questions.{label}.saved")
        post_delete.connect(
            on_forum_change, sender=model, dispatch_uid=f"forums.guide_questions.{label}.deleted"
        )


def context(request, page):
    board, threads = cached_questions(page) if page.pk else related_questions(page)
    if board is None and not threads:
        return None
    target = board or threads[0].board
    return {
        "forum_threads": threads,
        "forum_board": target,
        "ask_url": reverse("forums:new_thread", args=[target.slug]) + f"?guide={page.pk}",
    }
