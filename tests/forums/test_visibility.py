"""One visibility rule everywhere: pending, hidden and deleted posts appear on no surface."""

import json

import pytest
from django.utils import timezone

from forums import exports, notifications, services
from forums.guide_questions import related_questions
from forums.models import Post, PostState, Thread
from forums.search import ThreadSource

from .conftest import en, signed_in

pytestmark = pytest.mark.django_db
SHOWN = "kelinci-approved-4411"
NOT_SHOWN = {
    PostState.PENDING: "harimau-pending-8812",
    PostState.HIDDEN: "gajah-hidden-9933",
    PostState.DELETED: "komodo-deleted-7724",
}


@pytest.fixture
def thread(asker, make_member, board, guide):
    """A visible question with one approved reply and one reply in each invisible state."""
    thread, _opening = services.start_thread(
        asker, board, "question", "Visible question", "Opening", "en", guide=guide
    )
    Post.objects.filter(thread=thread).update(state=PostState.APPROVED, approved_at=timezone.now())
    other = make_member("replier")
    Post.objects.create(thread=thread, author=other, body=SHOWN, state=PostState.APPROVED, body_hash="a")
    for state, word in NOT_SHOWN.items():
        Post.objects.create(
            thread=thread,
            author=other,
            body=word,
            state=state,
            body_hash=word,
            hidden_reason="Broke the rules.",
        )
    return thread


@pytest.fixture
def hidden_threads(asker, board, guide):
    """One thread per invisible state of its opening post, titled with the state's word."""
    threads = {}
    for state, word in NOT_SHOWN.items():
        thread, opening = services.start_thread(
            asker, board, "question", f"Title {word}", word, "en", guide=guide
        )
        Post.objects.filter(pk=opening.pk).update(state=state)
        threads[state] = thread
    return threads


def assert_only_visible(text):
    assert SHOWN in text
    for word in NOT_SHOWN.values():
        assert word not in text


def test_the_rule_itself(thread, hidden_threads):
    assert set(Post.objects.visible().filter(thread=thread).values_list("body", flat=True)) == {
        "Opening",
        SHOWN,
    }
    visible = set(Thread.objects.visible().values_list("pk", flat=True))
    assert thread.pk in visible
    assert not visible & {hidden.pk for hidden in hidden_threads.values()}


def test_replies_in_a_hidden_thread_are_hidden_too(thread):
    thread.posts.filter(is_opening=True).update(state=PostState.HIDDEN)
    assert not Post.objects.visible().filter(thread=thread).exists()


def test_thread_page_shows_only_visible_posts_and_the_reason_in_place(client, thread):
    html = client.get(en("thread", thread.pk)).content.decode()
    assert_only_visible(html)
    assert "This post was hidden by a moderator: Broke the rules." in html


@pytest.mark.parametrize("state", list(NOT_SHOWN))
def test_thread_pages_and_boards_hide_invisible_threads(client, board, hidden_threads, state):
    thread = hidden_threads[state]
    assert client.get(en("thread", thread.pk)).status_code == 404
    assert client.get(en("thread_json", thread.pk)).status_code == 404
    assert NOT_SHOWN[state] not in client.get(en("board", board.slug)).content.decode()
    assert NOT_SHOWN[state] not in client.get(en("board_json", board.slug)).content.decode()
    assert NOT_SHOWN[state] not in client.get(en("index")).content.decode()


def test_feed(client, board, thread, hidden_threads):
    assert_only_visible(client.get(en("board_feed", board.slug)).content.decode())


def test_json_api(client, thread):
    data = client.get(en("thread_json", thread.pk)).json()
    assert_only_visible(json.dumps(data))
    assert len(data["posts"]) == 2


def test_search_documents(thread, hidden_threads):
    source = ThreadSource()
    (document,) = source.documents(thread)
    assert_only_visible(document.body + " " + document.summary)
    for hidden in hidden_threads.values():
        assert source.documents(hidden) == []
        assert not source.objects().filter(pk=hidden.pk).exists()
        assert source.get(hidden.pk) is None


def test_guide_section(client, guide, thread, hidden_threads):
    _board, threads = related_questions(guide)
    assert thread in threads
    assert not set(threads) & set(hidden_threads.values())
    from tests.helpers import url_in

    html = client.get(url_in(guide, "en")).content.decode()
    assert "Visible question" in html
    for word in NOT_SHOWN.values():
        assert word not in html


def test_notifications_never_carry_invisible_posts(thread, asker):
    for word in NOT_SHOWN.values():
        post = Post.objects.get(body=word)
        assert notifications.send_for_post(post.pk) == 0
    assert (
        notifications.send_for_post(Post.objects.get(body=SHOWN).pk) == 1
    )  # the asker hears of the visible one


def test_notification_of_a_post_hidden_before_the_task_ran(thread, asker):
    post = Post.objects.get(body=SHOWN)
    Post.objects.filter(pk=post.pk).update(state=PostState.HIDDEN)
    assert notifications.send_for_post(post.pk) == 0


def test_status_emails_only_for_visible_threads(hidden_threads):
    for thread in hidden_threads.values():
        assert notifications.send_for_status(thread.pk) == 0


def test_exports_hold_no_one_elses_invisible_post(thread, asker):
    for word in NOT_SHOWN.values():
        assert word not in json.dumps(exports.member_data(asker))


def test_a_members_own_download_lists_their_own_posts_with_state(client, thread):
    replier = Post.objects.get(body=SHOWN).author
    signed_in(client, replier)
    data = json.loads(client.get(en("download_data")).content)
    states = {post["text"]: post["state"] for post in data["posts"]}
    assert states[SHOWN] == "approved" and states[NOT_SHOWN[PostState.HIDDEN]] == "hidden"
