"""Reports, the queue, moderators' actions in the admin (each logged), the daily summary."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from core.models import OutgoingEmail
from forums import moderation, services
from forums.models import MODERATORS_GROUP, Flag, ModerationLog, Post, PostRevision, PostState, Thread
from search.models import PendingUpdate

from .conftest import en, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, moderator):
    client.force_login(moderator.user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def reply_post(visible_thread):
    return Post.objects.visible().filter(thread=visible_thread, is_opening=False).first()


def test_members_flag_once_and_enough_flags_hide_until_review(client, make_member, reply_post, limits):
    limits("forums", FLAGS_TO_HIDE=2)
    first = make_member("flagger1")
    signed_in(client, first)
    client.post(en("flag", reply_post.pk), {"reason": "spam"})
    client.post(en("flag", reply_post.pk), {"reason": "abuse"})
    assert Flag.objects.filter(post=reply_post).count() == 1
    assert Post.objects.get(pk=reply_post.pk).state == PostState.APPROVED
    with pytest.raises(IntegrityError):
        Flag.objects.create(post=reply_post, member=first, reason="spam")


def test_flag_threshold_hides_the_post(make_member, reply_post, limits):
    limits("forums", FLAGS_TO_HIDE=2)
    services.flag(make_member("f1"), reply_post, "spam")
    assert Post.objects.get(pk=reply_post.pk).state == PostState.APPROVED
    services.flag(make_member("f2"), reply_post, "abuse")
    post = Post.objects.get(pk=reply_post.pk)
    assert post.state == PostState.HIDDEN and post.hold_reason == "flags"
    assert ModerationLog.objects.filter(post=post, action="hidden_by_flags").exists()
    assert post in moderation.queue()


def test_a_flag_needs_a_known_reason(client, make_member, reply_post):
    signed_in(client, make_member("f3"))
    client.post(en("flag", reply_post.pk), {"reason": "i-dislike-it"})
    assert not Flag.objects.filter(post=reply_post).exists()


def test_queue_needs_the_moderator_permission(client, asker, admin_client):
    client_page = admin_client.get("/admin/forums/")
    assert client_page.status_code == 200
    assert "Forum moderation" in client_page.content.decode()
    admin_client.force_login(asker.user)
    assert admin_client.get("/admin/forums/").status_code in (302, 403)


def test_queue_lists_held_posts_and_approve_publishes_and_logs(admin_client, moderator, asker, board):
    thread, post = services.start_thread(asker, board, "question", "Held question", "Held body text", "en")
    assert "Held body text" in admin_client.get("/admin/forums/").content.decode()
    response = admin_client.post(f"/admin/forums/posts/{post.pk}/", {"action": "approve", "reason": "fine"})
    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).state == PostState.APPROVED
    assert Thread.objects.visible().filter(pk=thread.pk).exists()
    entry = ModerationLog.objects.get(post=post, action="approved")
    assert entry.actor == moderator.user and entry.reason == "fine"
    assert PendingUpdate.objects.filter(source="forums.thread", object_id=str(thread.pk)).exists()


def test_hide_needs_a_reason_and_shows_it_in_place(
    admin_client, client, moderator, reply_post, visible_thread
):
    assert (
        admin_client.post(
            f"/admin/forums/posts/{reply_post.pk}/", {"action": "hide", "reason": ""}
        ).status_code
        == 400
    )
    admin_client.post(f"/admin/forums/posts/{reply_post.pk}/", {"action": "hide", "reason": "Personal data"})
    assert Post.objects.get(pk=reply_post.pk).state == PostState.HIDDEN
    assert ModerationLog.objects.get(post=reply_post, action="hidden").actor == moderator.user
    client.logout()
    html = client.get(en("thread", visible_thread.pk)).content.decode()
    assert "hidden by a moderator: Personal data" in html
    assert reply_post.body not in html


def test_edit_keeps_the_original(admin_client, reply_post):
    original = reply_post.body
    admin_client.post(
        f"/admin/forums/posts/{reply_post.pk}/", {"action": "edit", "body": "Edited text.", "reason": "Typo"}
    )
    post = Post.objects.get(pk=reply_post.pk)
    assert post.body == "Edited text." and post.edited_at
    assert PostRevision.objects.get(post=post).body == original
    assert ModerationLog.objects.filter(post=post, action="edited", reason="Typo").exists()


def test_lock_close_move_merge_are_logged(admin_client, moderator, visible_thread, board):
    from forums.models import Board

    url = f"/admin/forums/threads/{visible_thread.pk}/"
    admin_client.post(url, {"action": "lock", "reason": "Heated"})
    admin_client.post(url, {"action": "close", "reason": "Done"})
    other = Board.objects.exclude(pk=board.pk).first()
    admin_client.post(url, {"action": "move", "board": other.pk, "reason": "Wrong board"})
    thread = Thread.objects.get(pk=visible_thread.pk)
    assert thread.locked and thread.status == "closed" and thread.board == other
    target = Thread.objects.visible().exclude(pk=thread.pk).first()
    admin_client.post(url, {"action": "merge", "into": target.pk, "reason": "Duplicate"})
    thread.refresh_from_db()
    assert thread.merged_into == target
    assert not thread.posts.exists()
    actions = set(ModerationLog.objects.filter(thread=thread).values_list("action", "actor"))
    for action in ("locked", "closed", "moved", "merged"):
        assert (action, moderator.user.pk) in actions
    assert admin_client.get(en("thread", thread.pk)).url == en("thread", target.pk)


def test_ban_stops_posting_and_is_logged(admin_client, asker, moderator):
    admin_client.post(f"/admin/forums/members/{asker.pk}/", {"action": "ban", "reason": "Spam"})
    asker.refresh_from_db()
    assert asker.is_banned
    assert ModerationLog.objects.get(member=asker, action="banned").actor == moderator.user
    with pytest.raises(services.NotAllowed):
        services.check_can_post(asker)


def test_suggestion_status_declined_needs_a_reason(admin_client, board):
    thread = Thread.objects.visible().get(title="Show the waiting time of each passport office online")
    url = f"/admin/forums/threads/{thread.pk}/"
    admin_client.post(url, {"action": "suggestion", "status": "declined", "reason": ""})
    assert Thread.objects.get(pk=thread.pk).suggestion_status == "planned"
    admin_client.post(url, {"action": "suggestion", "status": "declined", "reason": "Not possible yet."})
    thread.refresh_from_db()
    assert thread.suggestion_status == "declined" and thread.decline_reason == "Not possible yet."
    assert "Not possible yet." in admin_client.get(en("thread", thread.pk)).content.decode()


def test_log_page(admin_client, reply_post):
    moderation.hide(reply_post, None, "Reason 5512")
    assert "Reason 5512" in admin_client.get("/admin/forums/log/").content.decode()


def summary_job():
    """The daily summary as the scheduler runs it (``--force``: whether or not it is due)."""
    call_command("run_periodic", "--once", "--force", "forums.moderation_summary", stdout=None)


def test_daily_summary_goes_to_moderators_only_when_something_waits(moderator, asker, board, make_member):
    Post.objects.filter(state=PostState.PENDING).update(state=PostState.APPROVED)
    Post.objects.filter(state=PostState.HIDDEN, hold_reason="flags").update(hold_reason="")
    Flag.objects.update(reviewed_at=timezone.now())
    summary_job()
    assert not OutgoingEmail.objects.filter(to=moderator.user.email).exists()
    services.start_thread(asker, board, "question", "Waiting title 6612", "Waiting body", "en")
    summary_job()
    (email,) = OutgoingEmail.objects.filter(to=moderator.user.email)
    assert "Waiting title 6612" in email.body and "Waiting body" not in email.body
    assert not OutgoingEmail.objects.filter(to=asker.user.email, subject__contains="review").exists()


def test_the_summary_goes_once_a_day_however_often_the_job_runs(moderator, asker, board, make_member):
    other = make_member("moderator2", staff=True, group=MODERATORS_GROUP)
    services.start_thread(asker, board, "question", "Waiting title 6613", "Waiting body", "en")
    summary_job()
    summary_job()
    services.start_thread(asker, board, "question", "Waiting title 6614", "Waiting body", "en")
    summary_job()
    for user in (moderator.user, other.user):
        assert OutgoingEmail.objects.filter(to=user.email).count() == 1
