"""Events speed: the iCalendar feed, the month view and registrations under load.

    .venv/bin/python bench/events_bench.py [--sessions 2000] [--registrations 1000] [--threads 16]

Runs on a private PostgreSQL server started for the run (as `make test` does;
tests/postgres_server.py) unless DATABASE_URL is set, with the demo site plus
generated events. Page and feed times are measured through Django's test client
in this process (no network), so they are the server's own time. Registrations run
in parallel threads, each with its own database connection, with emails composed
and queued in the transaction as in production (sending is the worker's job, so
the task backend here only records the task); afterwards the seats are counted to prove nothing was overbooked.
Targets (issue 5): feed of 2,000 sessions < 300 ms; month view p95 < 100 ms;
at least 100 registrations per second on PostgreSQL without an overbooking.
Issue 20: a 200-person waitlist churning (cancel, offer, accept) from the same threads,
with the seats and the queue order checked afterwards; and the anonymisation job over
``--old`` (100,000) registrations of past sessions, which must finish in under a minute,
in batches (agenda/retention.py).
"""

import argparse
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _site import percentile, setup_django  # noqa: E402

ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
REGIONS = {"Asia/Jakarta": "DKI Jakarta", "Asia/Makassar": "Bali", "Asia/Jayapura": "Papua"}


def start_postgres():
    from tests.postgres_server import PostgresServer

    server = PostgresServer()
    os.environ["DATABASE_URL"] = server.start()
    return server


def generate_sessions(total, per_event=10):
    """Events with ``per_event`` sessions each over the next 180 days (bulk-created sessions)."""
    from agenda.models import EventIndexPage, EventPage, EventSession

    index = EventIndexPage.objects.get()
    today = date.today()
    made = 0
    number = 0
    while made < total:
        number += 1
        page = EventPage(
            title=f"Seminar uji {number}", slug=f"bench-{number}", summary="Ringkasan.", languages=["id"]
        )
        index.add_child(instance=page)
        sessions = []
        for offset in range(min(per_event, total - made)):
            zone = ZONES[(number + offset) % 3]
            day = today + timedelta(days=(number * 7 + offset * 13) % 180)
            start = datetime.combine(day, datetime.min.time().replace(hour=9), tzinfo=ZoneInfo(zone))
            sessions.append(
                EventSession(
                    page=page,
                    sort_order=offset,
                    date=day,
                    start_time=start.time(),
                    end_time=start.time().replace(hour=12),
                    time_zone=zone,
                    venue_name="Aula",
                    address="Jl. Uji",
                    region=REGIONS[zone],
                    capacity=50,
                    start=start,
                    end=start + timedelta(hours=3),
                )
            )
        EventSession.objects.bulk_create(sessions)
        made += len(sessions)
    return made


def timed_get(client, url, runs):
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def registration_throughput(total, threads):
    from django.db import connections

    from agenda import registration as seats
    from agenda.models import EventPage, EventSession

    page = EventPage.objects.get(slug="bench-1")
    session = EventSession.objects.filter(page=page).order_by("start").first()
    EventSession.objects.filter(pk=session.pk).update(capacity=total // 2)
    session.refresh_from_db()
    barrier = threading.Barrier(threads)

    def worker(index):
        barrier.wait()
        statuses = []
        try:
            for number in range(index, total, threads):
                details = {
                    "name": f"Orang {number}",
                    "email": f"orang{number}@bench.example.org",
                    "consent": True,
                }
                statuses.append(seats.register(session.pk, details).status)
        finally:
            connections.close_all()
        return statuses

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        statuses = [status for result in pool.map(worker, range(threads)) for status in result]
    elapsed = time.perf_counter() - began
    return statuses, elapsed, session


def waitlist_churn(threads, waiting=200, capacity=50):
    """Fill a session and a waitlist of ``waiting`` people, then let ``threads`` threads cancel
    the confirmed places one by one, each followed by the offer the worker would make, while
    the same threads accept the offers they find. Returns (operations, seconds, session,
    the waitlisted registrations in queue order)."""
    from django.db import connections

    from agenda import registration as seats
    from agenda.models import EventPage, EventSession, Registration
    from agenda.registration import RegistrationError

    page = EventPage.objects.get(slug="bench-2")
    session = EventSession.objects.filter(page=page).order_by("start").first()
    EventSession.objects.filter(pk=session.pk).update(capacity=capacity)
    people = [
        seats.register(
            session.pk, {"name": f"Antre {n}", "email": f"antre{n}@bench.example.org", "consent": True}
        )
        for n in range(capacity + waiting)
    ]
    queue = [r.pk for r in people if r.status == "waitlisted"]
    confirmed = [r for r in people if r.status == "confirmed"]
    barrier = threading.Barrier(threads)

    def worker(index):
        barrier.wait()
        done = 0
        try:
            for registration in confirmed[index::threads]:
                seats.cancel(registration)
                seats.offer_free_seats(session.pk)
                done += 1
                offered = Registration.objects.filter(session=session, status="offered").order_by("?").first()
                if offered is not None:
                    try:
                        seats.accept_offer(offered)
                        done += 1
                    except RegistrationError:  # another thread took it first
                        pass
        finally:
            connections.close_all()
        return done

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        operations = sum(pool.map(worker, range(threads)))
    return operations, time.perf_counter() - began, session, queue


def old_registrations(total, per_session=1000):
    """``total`` registrations of sessions that ended 200 days ago (bulk-created)."""
    from agenda.models import EventPage, EventSession, Registration

    page = EventPage.objects.get(slug="bench-3")
    ended = datetime.now(ZoneInfo("Asia/Jakarta")) - timedelta(days=200)
    made = 0
    for number in range((total + per_session - 1) // per_session):
        session = EventSession.objects.create(
            page=page,
            sort_order=100 + number,
            date=ended.date(),
            start_time=ended.time().replace(hour=9, minute=0, second=0, microsecond=0),
            end_time=ended.time().replace(hour=12, minute=0, second=0, microsecond=0),
            time_zone="Asia/Jakarta",
            venue_name="Aula",
            address="Jl. Uji",
            region="DKI Jakarta",
            capacity=per_session,
        )
        count = min(per_session, total - made)
        Registration.objects.bulk_create(
            Registration(
                session=session,
                name=f"Orang {made + n}",
                email=f"lama{made + n}@bench.example.org",
                phone="0812 0000 0000",
                status="confirmed",
                consent=True,
            )
            for n in range(count)
        )
        made += count
        print(f"  {made}/{total} old registrations", end="\r", flush=True)
    print()
    return made


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--registrations", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--waiting", type=int, default=200, help="people on the churning waitlist")
    parser.add_argument("--old", type=int, default=100_000, help="old registrations to anonymise")
    parser.add_argument("--feeds-only", action="store_true", help="stop after the feed figures")
    args = parser.parse_args()

    server = None if os.environ.get("DATABASE_URL") else start_postgres()
    try:
        os.environ.setdefault("ALLOWED_HOSTS", "testserver")
        setup_django(keep_database_url=True)
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client, override_settings

        # As in production, emails are composed and queued in the registration's
        # transaction, and sent by the task worker, not in the request.
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
        ).enable()
        print("Preparing the demo site ...", flush=True)
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_demo", verbosity=0)
        print(f"Generating {args.sessions} sessions ...", flush=True)
        generate_sessions(args.sessions)
        client = Client()
        vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(f"database: {vendor}")

        from django.core.cache import cache

        cache.clear()
        cold = timed_get(client, "/en/events/calendar.ics", 1)[0]
        feed = timed_get(client, "/en/events/calendar.ics", args.runs)
        body = client.get("/en/events/calendar.ics").content
        print(f"feed, first render with an empty cache: {cold:.1f} ms")
        print(
            f"feed ({body.count(b'BEGIN:VEVENT')} sessions, {len(body) // 1024} KiB): median {percentile(feed, 0.5):.1f} ms, p95 {percentile(feed, 0.95):.1f} ms"
        )
        changed = []
        from agenda.models import EventSession

        for number in range(args.runs):
            session = EventSession.objects.order_by("pk")[number]
            session.venue_name = f"Aula {number}"
            session.save()
            changed.append(timed_get(client, "/en/events/calendar.ics", 1)[0])
        print(
            f"feed after one session changed: median {percentile(changed, 0.5):.1f} ms, p95 {percentile(changed, 0.95):.1f} ms"
        )
        filtered = timed_get(client, "/en/events/calendar.ics?region=Bali", args.runs)
        print(
            f"feed filtered by region: median {percentile(filtered, 0.5):.1f} ms, p95 {percentile(filtered, 0.95):.1f} ms"
        )
        if args.feeds_only:
            return
        month = date.today() + timedelta(days=31)
        month_url = f"/en/acara/month/{month.year}/{month.month}/"
        month_times = timed_get(client, month_url, args.runs * 3)
        print(
            f"month view: median {percentile(month_times, 0.5):.1f} ms, p95 {percentile(month_times, 0.95):.1f} ms"
        )
        upcoming = timed_get(client, "/en/acara/", args.runs * 3)
        print(
            f"upcoming list: median {percentile(upcoming, 0.5):.1f} ms, p95 {percentile(upcoming, 0.95):.1f} ms"
        )

        print(f"Registering {args.registrations} people from {args.threads} threads ...", flush=True)
        statuses, elapsed, session = registration_throughput(args.registrations, args.threads)
        session.refresh_from_db()
        confirmed = statuses.count("confirmed")
        print(
            f"registrations: {len(statuses)} in {elapsed:.2f} s = {len(statuses) / elapsed:.0f}/s; "
            f"confirmed {confirmed} of {session.capacity} seats, waitlisted {statuses.count('waitlisted')}, "
            f"seats taken in the database {session.seats_taken()} (overbooked: {'YES' if session.seats_taken() > session.capacity else 'no'})"
        )

        print(f"Churning a waitlist of {args.waiting} from {args.threads} threads ...", flush=True)
        operations, elapsed, session, queue = waitlist_churn(args.threads, args.waiting)
        session.refresh_from_db()
        from agenda.models import Registration

        seated = list(
            Registration.objects.filter(pk__in=queue, status__in=["confirmed", "offered"]).values_list(
                "pk", flat=True
            )
        )
        in_order = sorted(seated) == sorted(queue[: len(seated)])
        print(
            f"waitlist churn: {operations} cancels and accepts in {elapsed:.2f} s = {operations / elapsed:.0f}/s; "
            f"seats taken {session.seats_taken()} of {session.capacity} "
            f"(overbooked: {'YES' if session.seats_taken() > session.capacity else 'no'}); "
            f"the {len(seated)} seated from the waitlist are the first in the queue: {'yes' if in_order else 'NO'}"
        )

        from agenda import retention

        print(f"Creating {args.old} registrations of past sessions ...", flush=True)
        old_registrations(args.old)
        began = time.perf_counter()
        anonymised = retention.anonymise_due()
        elapsed = time.perf_counter() - began
        print(
            f"anonymisation: {anonymised} registrations in {elapsed:.1f} s "
            f"({anonymised / elapsed:.0f}/s, batches of {retention.BATCH}; target under 60 s)"
        )
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
