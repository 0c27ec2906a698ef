"""A board's Atom feed is safe in every feed reader: summaries are plain text
(``type="text"``), so no payload a member writes can become markup, and "a < b" reads
as written. Before, summaries were ``type="html"`` holding unescaped text: 35 of 35
payloads sat there as markup."""

from pathlib import Path

import feedparser
import pytest
from django.utils import timezone

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
