"""The channel matrix: a forum thread or reply that stops being public leaves every channel at once.

Each withdrawal is applied to a public, answered thread whose every channel was read (and so
cached) first, with the whole-page cache on and the API and search-result caches as
configured. Right after the moderator's action, in the same request cycle and without
waiting, no channel shows it and no queued email about it goes out.
"""

import pytest
from django.core.cache import caches

from core.emails import send_pending
from core.models import OutgoingEmail
from forums import moderation, notifications, services
from forums.models import Post, PostState, Thread
from tests.core.test_frontend_purge import proxy  # noqa: F401 - a caching proxy on loopback
from tests.helpers import turn_page_caches_on, url_in, use_redis_caches

from .conftest import en, signed_in

pytestmark = pytest.mark.django_db

TITLE = "Probe zebrawithdraw question about a stay permit"
WORD = "zebrawithdraw"
REPLY = "okapiwithdraw reply with a phone number 0812 3456"
REPLY_WORD = "okapiwithdraw"


@pytest.fixture(params=["per-process cache", "Redis"])
def page_cache(request, settings, _fresh_search_results):
    """The whole-page cache on, as docs/deployment.md recommends (PAGE_CACHE_SECONDS=300), with
    the API and search-result caches; in memory, and in a real Redis server shared as in
    production (CACHE_URL). It asks for ``_fresh_search_results`` so that fixture, which turns
    the results cache off, runs first (pytest sets up parametrised fixtures early)."""
    if request.param == "Redis":
        use_redis_caches(settings, request.getfixturevalue("redis_server"))
    turn_page_caches_on(settings)
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture
def probe(
    asker, official, moderator, make_member, board, guide, mailoutbox, django_capture_on_commit_callbacks
):
    """A public question with an official answer and a member's reply; a follower and the
    asker have emails about them waiting in the outbox (the mail server is down)."""
    follower = make_member("follower")
    with django_capture_on_commit_callbacks(execute=True):
        thread, opening = services.start_thread(
            asker, board, "question", TITLE, f"Opening {WORD}", "en", guide=guide
        )
        opening = moderation.approve(opening, moderator.user)
        services.toggle_follow(follower, thread=thread)
        answer = services.reply(official, thread, f"Official answer {WORD}.", official=True)
        answer = moderation.approve(answer, moderator.user)
        reply = services.reply(make_member("replier"), thread, REPLY)
        reply = moderation.approve(reply, moderator.user)
    thread.refresh_from_db()
    assert Thread.objects.visible().filter(pk=thread.pk).exists()
    # Nothing was sent yet: the emails wait as they would with SMTP down.
    OutgoingEmail.objects.update(sent_at=None, attempts=0)
    mailoutbox.clear()
    return {"thread": thread, "opening": opening, "answer": answer, "reply": reply, "follower": follower}


def channels(client, thread, guide):
    """Every public channel that can show a thread, by name, with the text it serves."""
    board = thread.board.slug

    def get(url):
        return client.get(url).content.decode()

    return {
        "thread page (en)": get(en("thread", thread.pk)),
        "thread page (id)": get(f"/id/forums/thread/{thread.pk}/"),
        "board page": get(en("board", board)),
        "forum index": get(en("index")),
        "board feed": get(en("board_feed", board)),
        "board JSON": get(en("board_json", board)),
        "thread JSON": get(en("thread_json", thread.pk)),
        "API list": get("/api/v1/forum-threads/?page_size=100"),
        "API detail": get(f"/api/v1/forum-threads/{thread.pk}/"),
        "search results": get(f"/en/search/?q={WORD}"),
        "autocomplete": get(f"/en/search/suggest/?q={WORD[:6]}"),
        "guide question list": get(url_in(guide, "en")),
    }


def queued_about(word):
    return [m for m in OutgoingEmail.objects.filter(sent_at__isnull=True) if word in m.body]


def hide_question(probe, moderator, **kwargs):
    moderation.hide(probe["opening"], moderator.user, "Duplicate of a guide")


def hidden_by_reports(probe, make_member, **kwargs):
    for number in range(3):
        services.flag(make_member(f"reporter{number}"), probe["opening"], "spam")


def merged_away(probe, moderator, board, asker, **kwargs):
    other, opening = services.start_thread(asker, board, "question", "The main thread", "Main", "en")
    moderation.approve(opening, moderator.user)
    moderation.merge(probe["thread"], moderator.user, other)


WITHDRAWALS = {
    "question hidden": hide_question,
    "hidden by reports": hidden_by_reports,
    "merged": merged_away,
}


@pytest.mark.parametrize("withdrawal", WITHDRAWALS)
def test_a_withdrawn_thread_leaves_every_channel_at_once(
    withdrawal,
    client,
    page_cache,
    probe,
    guide,
    moderator,
    make_member,
    board,
    asker,
    settings,
    django_capture_on_commit_callbacks,
):
    thread = probe["thread"]
    before = channels(client, thread, guide)
    for name in ("thread page (en)", "board page", "forum index", "board feed", "search results"):
        assert TITLE in before[name], f"{name} did not show the public thread to begin with"
    assert queued_about(WORD), "the follower's email about the answer should be waiting"

    with django_capture_on_commit_callbacks(execute=True):
        WITHDRAWALS[withdrawal](probe, moderator=moderator, make_member=make_member, board=board, asker=asker)

    after = channels(client, thread, guide)
    assert {name for name, text in after.items() if TITLE in text} == set()
    if withdrawal == "merged":  # its posts live on in the thread it was merged into, and may be mailed
        return
    # The search page repeats the query; every other channel must not have the posts' text either.
    assert {name for name, text in after.items() if WORD in text and name != "search results"} == set()
    send_pending()
    # Only its author hears of it again: the one person who may still see it, told why.
    author = probe["opening"].author.user.email
    sent = [m for m in OutgoingEmail.objects.exclude(sent_at=None) if TITLE in m.body or TITLE in m.subject]
    assert [m.subject for m in sent if m.to != author] == []


def test_a_hidden_reply_leaves_the_thread_its_json_feed_and_the_queued_emails(
    client, page_cache, probe, guide, moderator, django_capture_on_commit_callbacks
):
    thread = probe["thread"]
    before = channels(client, thread, guide)
    assert REPLY_WORD in before["thread page (en)"] and REPLY_WORD in before["thread JSON"]
    assert queued_about(REPLY_WORD), "the asker's email about the reply should be waiting"
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(probe["reply"], moderator.user, "Personal data")
    after = channels(client, thread, guide)
    assert {name for name, text in after.items() if REPLY_WORD in text} == set()
    assert TITLE in after["thread page (en)"]  # the thread itself stays
    assert queued_about(REPLY_WORD) == []


def test_an_email_queued_after_the_withdrawal_began_is_dropped_when_sent(probe, mailoutbox):
    """A worker still holding the post queues its email after the hide: the send re-checks."""
    Post.objects.filter(pk=probe["reply"].pk).update(state=PostState.HIDDEN)
    notifications._send(
        probe["thread"].author,
        "reply",
        {"thread": probe["thread"], "post": probe["reply"], "text": REPLY},
        notifications.unsubscribe_token(probe["thread"].author),
        probe["reply"],
    )
    OutgoingEmail.objects.filter(sent_at__isnull=True).exclude(body__contains=REPLY_WORD).delete()
    assert queued_about(REPLY_WORD)
    send_pending()
    assert [m for m in mailoutbox if REPLY_WORD in m.body] == []
    assert queued_about(REPLY_WORD) == []


def test_merging_a_hidden_thread_publishes_none_of_its_replies(probe, moderator, board, asker):
    moderation.hide(probe["opening"], moderator.user, "Spam")
    into, opening = services.start_thread(asker, board, "question", "The main thread", "Main", "en")
    moderation.approve(opening, moderator.user)
    moderation.merge(probe["thread"], moderator.user, into)
    visible = Post.objects.visible().filter(thread=into).values_list("body", flat=True)
    assert [body for body in visible if WORD in body or REPLY_WORD in body] == []


def test_the_unsubscribe_page_does_not_name_a_withdrawn_thread(client, probe, moderator):
    follow = probe["follower"].follows.get(thread=probe["thread"])
    url = en("unsubscribe", notifications.unsubscribe_token(follow))
    assert TITLE in client.get(url).content.decode()
    moderation.hide(probe["opening"], moderator.user, "Duplicate")
    html = client.get(url).content.decode()
    assert TITLE not in html and "Stop following this thread?" in html


def test_a_ban_never_shows_the_internal_note_in_place_of_a_post(client, probe, asker, moderator):
    pending = Post.objects.create(
        thread=probe["thread"], author=asker, body="waiting text", state=PostState.PENDING, body_hash="w"
    )
    moderation.ban(asker, moderator.user, "Internal note: spammer from IP 10.0.0.7")
    assert Post.objects.get(pk=pending.pk).state == PostState.HIDDEN
    html = client.get(en("thread", probe["thread"].pk)).content.decode()
    assert "10.0.0.7" not in html and "Internal note" not in html


def test_reports_never_hide_an_official_answer(probe, make_member, settings):
    for number in range(4):
        services.flag(make_member(f"reporter{number}"), probe["answer"], "disagree")
    answer = Post.objects.get(pk=probe["answer"].pk)
    assert answer.state == PostState.APPROVED
    assert answer in moderation.queue()  # a moderator decides


def test_a_banned_member_can_neither_report_nor_vote(probe, make_member, moderator):
    banned = make_member("banned")
    moderation.ban(banned, moderator.user, "abuse")
    banned.refresh_from_db()
    with pytest.raises(services.NotAllowed):
        services.flag(banned, probe["reply"], "spam")
    with pytest.raises(services.NotAllowed):
        services.toggle_vote(banned, probe["thread"])
    assert not probe["reply"].flags.exists() and not probe["thread"].votes.exists()


def test_the_author_is_told_why_in_their_language_and_sees_their_hidden_post(
    client, probe, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    author = probe["reply"].author
    author.language = "id"
    author.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(probe["reply"], moderator.user, "Memuat nomor telepon pribadi")
    (email,) = [m for m in mailoutbox if m.to == [author.user.email]]
    assert "disembunyikan" in email.subject and "Memuat nomor telepon pribadi" in email.body
    signed_in(client, author)
    profile = client.get(en("profile")).content.decode()
    assert TITLE in profile and "Memuat nomor telepon pribadi" in profile


def test_hiding_a_hidden_post_again_raises_no_error_and_tells_the_author_once(
    probe, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    author = probe["reply"].author.user.email
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(probe["reply"], moderator.user, "Personal data")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(Post.objects.get(pk=probe["reply"].pk), moderator.user, "Personal data, and spam")
    assert len([m for m in mailoutbox if m.to == [author]]) == 1
    assert Post.objects.get(pk=probe["reply"].pk).hidden_reason == "Personal data, and spam"


def test_a_cdn_in_front_is_asked_to_drop_the_thread_and_its_board(
    proxy,  # noqa: F811 - the fixture imported above
    probe,
    moderator,
    django_capture_on_commit_callbacks,
):
    proxy.status = 200
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(probe["opening"], moderator.user, "Duplicate")
    thread, board = probe["thread"], probe["thread"].board.slug
    for path in (
        f"/en/forums/thread/{thread.pk}/",
        f"/id/forums/board/{board}/",
        f"/ar/forums/board/{board}/feed/",
    ):
        assert path in proxy.purged, (path, proxy.purged)
