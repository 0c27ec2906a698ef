"""Forum speed: a thread with 500 posts and a board with 10,000 threads.

    .venv/bin/python bench/forums.py [--posts 500] [--threads 10000] [--runs 50]

On a private PostgreSQL server (started for the run unless DATABASE_URL is set) with
the demo site. Threads and posts are bulk-inserted with Markdown bodies (a list and a
link each, so the renderer and the sanitiser do real work). Pages are timed through
Django's test client in this process (the server's own time). Target (issue 6): both
pages under 100 ms p95.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _site import percentile, setup_django  # noqa: E402
from events_bench import start_postgres, timed_get  # noqa: E402

BODY = (
    "Terima kasih atas penjelasannya. Untuk **ITAS** saya:\n\n"
    "- paspor masih berlaku 18 bulan\n- sponsor sudah melapor\n\n"
    "Lihat juga [panduan izin tinggal](https://example.org/izin-tinggal/). Nomor {n}."
)


def populate(posts, threads):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from forums.models import Board, Member, Post, PostState, Thread

    user = get_user_model().objects.create_user("bench-member", "bench@example.org", "x")
    member = Member.objects.create(user=user, display_name="Anggota uji", language="id")
    boards = list(Board.objects.order_by("pk"))
    long_board, big_board = boards[0], boards[1]
    now = timezone.now()
    long_thread = Thread.objects.create(
        board=long_board, title="Utas panjang untuk uji kecepatan", language="id", author=member
    )
    Post.objects.bulk_create(
        Post(
            thread=long_thread,
            author=member,
            body=BODY.format(n=n),
            is_opening=n == 0,
            state=PostState.APPROVED,
            created_at=now,
            body_hash=f"long{n}",
        )
        for n in range(posts)
    )
    made = Thread.objects.bulk_create(
        Thread(
            board=big_board,
            title=f"Pertanyaan uji nomor {n}",
            language="id",
            author=member,
            created_at=now,
            last_activity_at=now,
        )
        for n in range(threads)
    )
    Post.objects.bulk_create(
        (
            Post(
                thread=thread,
                author=member,
                body=BODY.format(n=n),
                is_opening=True,
                state=PostState.APPROVED,
                created_at=now,
                body_hash=f"open{n}",
            )
            for n, thread in enumerate(made)
        ),
        batch_size=2000,
    )
    return long_thread, big_board


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--threads", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    server = None if os.environ.get("DATABASE_URL") else start_postgres()
    try:
        os.environ.setdefault("ALLOWED_HOSTS", "testserver")
        setup_django(keep_database_url=True)
        from django.core.management import call_command
        from django.test import Client

        print("Preparing the demo site ...", flush=True)
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_demo", verbosity=0)
        print(
            f"Inserting a thread of {args.posts} posts and a board of {args.threads:,} threads ...",
            flush=True,
        )
        thread, board = populate(args.posts, args.threads)
        client = Client()
        for label, url in [
            (f"thread of {args.posts} posts, first page", f"/en/forums/thread/{thread.pk}/"),
            (f"thread of {args.posts} posts, last page", f"/en/forums/thread/{thread.pk}/?page=last"),
            (f"board of {args.threads:,} threads, first page", f"/en/forums/board/{board.slug}/"),
            (f"board of {args.threads:,} threads, by votes", f"/en/forums/board/{board.slug}/?sort=votes"),
            ("forum index", "/en/forums/"),
        ]:
            times = timed_get(client, url, args.runs)
            print(f"{label}: median {percentile(times, 0.5):.1f} ms, p95 {percentile(times, 0.95):.1f} ms")
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
