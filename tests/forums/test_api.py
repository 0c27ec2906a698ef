"""Answered threads in the public API: the visibility rule, no member data."""

import json

import pytest

from forums.models import Post, PostState, Thread, ThreadStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_caches")]


def thread_with(board, asker, official, opening_state=PostState.APPROVED, status=ThreadStatus.ANSWERED):
    thread = Thread.objects.create(
        board=board, title="Can I work on a visitor visa?", author=asker, language="en", status=status
    )

    def post(body, state=PostState.APPROVED, author=asker, **flags):
        return Post.objects.create(
            thread=thread,
            author=author,
            body=body,
            state=state,
            body_hash=body,
            ip_address="192.0.2.1",
            **flags,
        )

    post("I am visiting. **May I work?**", state=opening_state, is_opening=True)
    post("No. A visitor visa does not allow work.", author=official, is_official=True)
    post("Wrong answer hidden by a moderator.", state=PostState.HIDDEN, author=official, is_official=True)
    post("Thanks, that helped!", is_accepted=False)
    return thread


def listed(client):
    return {item["id"]: item for item in client.get("/api/v1/forum-threads/?page_size=100").json()["results"]}


def test_answered_thread_with_its_official_answer_only(client, board, asker, official):
    thread = thread_with(board, asker, official)
    item = client.get(f"/api/v1/forum-threads/{thread.pk}/").json()
    assert item["question_html"] == "<p>I am visiting. <strong>May I work?</strong></p>\n"
    assert [answer["html"] for answer in item["answers"]] == [
        "<p>No. A visitor visa does not allow work.</p>\n"
    ]
    assert item["answers"][0]["official"] is True and item["board"]["slug"] == board.slug
    text = json.dumps(item)
    for private in (
        "asker",
        "officer",
        "Asker",
        "Officer",
        "@example.org",
        "192.0.2.1",
        "hidden by a moderator",
    ):
        assert private not in text
    assert thread.pk in listed(client)


def test_open_pending_and_merged_threads_are_not_listed(client, board, asker, official):
    open_thread = thread_with(board, asker, official, status=ThreadStatus.OPEN)
    pending = thread_with(board, asker, official, opening_state=PostState.PENDING)
    merged = thread_with(board, asker, official)
    merged.merged_into = open_thread
    merged.save()
    shown = listed(client)
    assert not {open_thread.pk, pending.pk, merged.pk} & set(shown)
    assert client.get(f"/api/v1/forum-threads/{pending.pk}/").status_code == 404
    assert set(shown) == set(
        Thread.objects.visible().filter(status=ThreadStatus.ANSWERED).values_list("pk", flat=True)
    )
