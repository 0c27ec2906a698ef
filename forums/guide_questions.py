"""The "Questions about this guide" section at the end of a guide page (core/page_extras.py).

It lists visible questions on the board of the guide's topic or linked to the
guide itself, answered first, and links to ask a new question about the guide.
A guide whose topic has no board shows nothing.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse

from forums.models import Board, Thread, ThreadKind, ThreadStatus

SHOWN = 5


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


def context(request, page):
    board, threads = related_questions(page)
    if board is None and not threads:
        return None
    target = board or threads[0].board
    return {
        "forum_threads": threads,
        "forum_board": target,
        "ask_url": reverse("forums:new_thread", args=[target.slug]) + f"?guide={page.pk}",
    }
