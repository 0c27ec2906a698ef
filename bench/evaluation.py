"""Dashboard speed with a million page ratings and 100,000 registrations.

    .venv/bin/python bench/evaluation.py [--ratings 1000000] [--registrations 100000]

On a private PostgreSQL server (started for the run unless DATABASE_URL is set)
with the demo site. Ratings are inserted by one INSERT ... SELECT over
generate_series, spread over the last 400 days and the demo's guides; sessions
and registrations with bulk inserts. Prints how long computing the figures takes
(what the refresh task does, in SQL) and how fast the dashboard page answers
from the cache, as readers get it. Target (issue 8): the dashboard renders in
under 200 ms.
"""

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _site import percentile, setup_django  # noqa: E402
from events_bench import generate_sessions, start_postgres, timed_get  # noqa: E402


def insert_ratings(total):
    from django.db import connection

    from cms.models import GuidePage

    pages = list(GuidePage.objects.live().values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO evaluation_pagerating (page_id, language, helpful, comment, visitor, day, created)
            SELECT (%s::bigint[])[1 + (n %% %s)], (ARRAY['id','en','ar','zh-hans'])[1 + (n %% 4)],
                   (n %% 10) < 7, '', 'bench' || n,
                   (now() - (n %% 400) * interval '1 day')::date,
                   now() - (n %% 400) * interval '1 day' - (n %% 1440) * interval '1 minute'
            FROM generate_series(1, %s) AS n
            """,
            [pages, len(pages), total],
        )
        cursor.execute("ANALYZE evaluation_pagerating")


def insert_registrations(total):
    from django.utils import timezone

    from agenda.models import EventSession, Registration

    sessions = list(EventSession.objects.values_list("pk", flat=True))
    batch = []
    for number in range(total):
        batch.append(
            Registration(
                session_id=sessions[number % len(sessions)],
                name=f"Orang {number}",
                email=f"orang{number}@bench.example.org",
                people=1 + number % 3,
                status="confirmed",
                consent=True,
                created_at=timezone.now() - timedelta(days=number % 200),
            )
        )
        if len(batch) == 10_000:
            Registration.objects.bulk_create(batch)
            batch = []
    Registration.objects.bulk_create(batch)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ratings", type=int, default=1_000_000)
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    server = None if os.environ.get("DATABASE_URL") else start_postgres()
    try:
        os.environ.setdefault("ALLOWED_HOSTS", "testserver")
        setup_django(keep_database_url=True)
        from django.core.management import call_command
        from django.test import Client

        from evaluation import dashboard, periods

        print("Preparing the demo site ...", flush=True)
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_demo", verbosity=0)
        print("Generating 2,000 past and future sessions ...", flush=True)
        generate_sessions(2000)
        from agenda.models import EventSession

        moved = EventSession.objects.filter(pk__in=EventSession.objects.order_by("pk").values("pk")[:1000])
        for session in moved:  # half of them in the past, so they count as held
            EventSession.objects.filter(pk=session.pk).update(
                start=session.start - timedelta(days=200), end=session.end - timedelta(days=200)
            )
        print(f"Inserting {args.ratings:,} ratings ...", flush=True)
        began = time.perf_counter()
        insert_ratings(args.ratings)
        print(f"  {time.perf_counter() - began:.1f} s")
        print(f"Inserting {args.registrations:,} registrations ...", flush=True)
        insert_registrations(args.registrations)

        period = periods.resolve(periods.DEFAULT)
        computations = []
        for _ in range(5):
            began = time.perf_counter()
            dashboard.compute(period)
            computations.append((time.perf_counter() - began) * 1000)
        print(
            f"computing the figures for the last 12 months (SQL aggregates): median {percentile(computations, 0.5):.0f} ms"
        )
        began = time.perf_counter()
        refreshed = dashboard.refresh()
        print(f"refresh task, all {refreshed} periods: {(time.perf_counter() - began):.1f} s")
        client = Client()
        pages = timed_get(client, "/en/transparency/", args.runs)
        print(
            f"dashboard page from the cache: median {percentile(pages, 0.5):.1f} ms, p95 {percentile(pages, 0.95):.1f} ms"
        )
        data = timed_get(client, "/en/transparency/data/helpfulness-by-topic.json", args.runs)
        print(
            f"open data (JSON) from the cache: median {percentile(data, 0.5):.1f} ms, p95 {percentile(data, 0.95):.1f} ms"
        )
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
