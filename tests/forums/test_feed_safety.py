"""Forum text is safe wherever it goes. A board's Atom feed has plain-text summaries
(``type="text"``), so no payload a member writes can become markup in a feed reader, and
"a < b" reads as written (before: ``type="html"`` holding unescaped text, 35 of 35 payloads
live). Display names lose invisible bidi and zero-width characters and are isolated
(``<bdi>``) wherever shown."""

from pathlib import Path

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forums.accounts import clean_display_name
from forums.models import Post, PostState, Thread, ThreadKind, ThreadStatus

PAYLOADS = (Path(__file__).parents[1] / "data" / "xss_payloads.txt").read_text().splitlines()


@pytest.fixture
def posted(board, asker):
    thread = Thread.objects.create(
        board=board,
        kind=ThreadKind.QUESTION,
        title="Payloads",
        language="en",
        status=ThreadStatus.OPEN,
        author=asker,
    )
    now = timezone.now()
    for number, payload in enumerate(PAYLOADS):
        Post.objects.create(
            thread=thread,
            author=asker,
            body=payload,
            is_opening=number == 0,
            state=PostState.APPROVED,
            created_at=now,
            approved_at=now,
            body_hash=f"payload-{number}",
        )
    return thread


def test_feed_summaries_are_plain_text(client, board, posted):
    assert len(PAYLOADS) >= 30
    response = client.get(f"/en/forums/board/{board.slug}/feed/")
    assert response.status_code == 200
    xml = response.content.decode()
    assert 'type="html"' not in xml
    feed = feedparser.parse(response.content)
    summaries = [entry.summary_detail for entry in feed.entries if entry.title.endswith("Payloads")]
    assert len(summaries) == min(len(PAYLOADS), 30)
    for summary in summaries:
        assert summary.type == "text/plain", summary
    texts = {summary.value for summary in summaries}
    assert "a < b and c > d & e" in texts  # read as written, not mangled


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("\u202eanI laiciffO", "anI laiciffO"),
        ("Budi\u200b Santoso", "Budi Santoso"),
        ("\u2067Ahmad\u2069", "Ahmad"),
        ("علي\u200f", "علي"),
    ],
)
def test_display_names_lose_invisible_format_characters(typed, kept, db):
    assert clean_display_name(typed) == kept


def test_a_name_of_only_format_characters_is_refused(db):
    with pytest.raises(ValidationError):
        clean_display_name("\u202e\u202d\u200b")


def test_names_are_isolated_where_shown(client, posted):
    html = client.get(posted.get_absolute_url()).content.decode()
    assert f'<bdi lang="">{posted.author.display_name}</bdi>' in html  # isolated, in a language unknown
