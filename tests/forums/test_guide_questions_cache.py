"""The guide's "Questions about this guide" section is cached (forums/guide_questions.py), yet
a question approved, answered or hidden shows on the guide at the next view."""

import pytest

from forums import moderation, services
from forums.models import Post, PostState
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def guide_html(client, guide):
    return client.get(url_in(guide, "en")).content.decode()


def test_the_section_is_found_once_for_every_reader(client, guide, django_assert_max_num_queries):
    first = guide_html(client, guide)
    assert "Questions about this guide" in first
    with django_assert_max_num_queries(3):  # the page and view restrictions only
        assert guide_html(client, guide) == first


def test_a_question_approved_shows_on_its_guide_at_the_next_view(
    client, guide, board, asker, moderator, django_capture_on_commit_callbacks
):
    thread, opening = services.start_thread(
        asker, board, "question", "Bolehkah paspor kelinci-7731 diperpanjang?", "Isi", "en", guide=guide
    )
    Post.objects.filter(pk=opening.pk).update(state=PostState.PENDING)
    assert thread.title not in guide_html(client, guide)  # waiting for review; the section is cached
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(Post.objects.get(pk=opening.pk), moderator.user)
    assert thread.title in guide_html(client, guide)


def test_a_hidden_question_leaves_its_guide_at_the_next_view(
    client, guide, board, asker, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thread, opening = services.start_thread(
            asker, board, "question", "Bolehkah paspor gajah-5120 diperpanjang?", "Isi", "en", guide=guide
        )
        moderation.approve(opening, moderator.user)
    assert thread.title in guide_html(client, guide)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(Post.objects.get(pk=opening.pk), moderator.user, "Off topic.")
    assert thread.title not in guide_html(client, guide)
