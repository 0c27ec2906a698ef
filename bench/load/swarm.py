"""Runs the simulated people (locustfile.py) headless and writes every request to a JSON file.

    LOAD_FIXTURE=fixture.json python bench/load/swarm.py --host http://127.0.0.1:8123 \\
        --users 200 --spawn-rate 20 --duration 120 --out results.json

Started by run.py in its own process (locust patches the standard library with gevent,
which run.py, managing servers, should not have). Each request is kept as
[time, name, kind, milliseconds, status, error]; the accepted writes come along, so
run.py can check the database after a fault.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import gevent
from locust.env import Environment

sys.path.insert(0, str(Path(__file__).resolve().parent))

import locustfile  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=float, default=20)
    parser.add_argument("--duration", type=float, default=120)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    records = []

    def on_request(
        request_type, name, response_time, response_length, exception, context, response=None, **kw
    ):
        status = getattr(response, "status_code", 0) or 0
        error = None
        if exception is not None:
            error = str(exception) or type(exception).__name__
            if status == 0:
                error = f"{type(exception).__name__}: {error}"[:120]
        records.append([time.time(), name, context.get("kind", "read"), response_time, status, error])

    users = [locustfile.Reader, locustfile.Registrant, locustfile.ForumMember, locustfile.Complainant]
    env = Environment(user_classes=users, host=args.host)
    env.events.request.add_listener(on_request)
    runner = env.create_local_runner()
    started = time.time()
    runner.start(args.users, spawn_rate=args.spawn_rate)

    def progress():
        while True:
            gevent.sleep(15)
            recent = [r for r in records if r[0] > time.time() - 15]
            failed = sum(1 for r in recent if r[5])
            print(
                f"  t={time.time() - started:5.0f}s users={runner.user_count:3d} "
                f"last 15 s: {len(recent) / 15:5.1f} req/s, {failed} failed",
                flush=True,
            )

    gevent.spawn(progress)
    gevent.spawn_later(args.duration, runner.quit)
    runner.greenlet.join()
    ended = time.time()
    Path(args.out).write_text(
        json.dumps(
            {
                "started": started,
                "ended": ended,
                "users": args.users,
                "records": records,
                "accepted": locustfile.ACCEPTED,
                "counts": locustfile.COUNTS,
                "cpu_seconds": time.process_time(),
            }
        )
    )


if __name__ == "__main__":
    main()
