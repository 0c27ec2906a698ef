"""Threads in search: answered above open, moderation decisions reach the index."""

import pytest

from forums import moderation
from forums.models import Post, Thread
from forums.search import ANSWERED_BOOST, ThreadSource
from search import pipeline, service
from search.engines.base import SearchQuery

pytestmark = pytest.mark.django_db


def found(text, language="en"):
    return [
        hit.title for hit in service.search(SearchQuery(text=text, language=language, kinds=("thread",))).hits
    ]


def test_answered_questions_get_the_higher_boost():
    source = ThreadSource()
    answered = Thread.objects.visible().get(title="Can I extend a visa on arrival a second time?")
    open_one = Thread.objects.visible().get(
        title="Apakah sponsor visa kunjungan harus warga negara Indonesia?"
    )
    assert source.documents(answered)[0].boost == ANSWERED_BOOST > source.documents(open_one)[0].boost
    assert source.documents(answered)[0].kind == "thread"


def test_hiding_the_question_removes_it_from_the_index(moderator, django_capture_on_commit_callbacks):
    thread = Thread.objects.visible().get(title="Can I extend a visa on arrival a second time?")
    pipeline.process_pending()
    assert thread.title in found("extend visa on arrival")
    opening = Post.objects.get(thread=thread, is_opening=True)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(opening, moderator.user, "Duplicate of a guide")
    pipeline.process_pending()
    assert thread.title not in found("extend visa on arrival")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(opening, moderator.user)
    pipeline.process_pending()
    assert thread.title in found("extend visa on arrival")
