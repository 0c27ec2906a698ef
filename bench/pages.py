"""Page speed: requests per second and p50/p95 latency for home, topic and guide pages.

Run with `make bench` (or `.venv/bin/python bench/pages.py`). It builds a fresh
demo site (SQLite, under a temporary folder), serves it with gunicorn exactly as
in production (2 workers, DEBUG off), and measures each page anonymously, first
with the page cache off (every request renders) and then on. Requests come from
this process over loopback with keep-alive, a few at a time. Not a test: it
prints figures; copy them into docs/performance.md with the date and machine.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"home": "/en/", "topic": "/en/visa/", "guide": "/en/visa/visa-kunjungan/"}


def run_manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_server(env, port, cache_seconds):
    server_env = dict(env, PAGE_CACHE_SECONDS=str(cache_seconds))
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=server_env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/robots.txt")
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start")


def measure(port, path, requests, concurrency):
    latencies = []
    errors = []
    lock = threading.Lock()
    per_worker = requests // concurrency

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        for _ in range(per_worker):
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                errors.append(response.status)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / elapsed,
        "p50": cuts[49] * 1000,
        "p95": cuts[94] * 1000,
        "errors": len(errors),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per page and mode")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sinergi-bench-") as var:
        env = dict(os.environ, SINERGI_VAR_DIR=var, DEBUG="false", LOG_LEVEL="WARNING")
        env.pop("DATABASE_URL", None)
        print("preparing a fresh demo site ...", flush=True)
        run_manage(env, "migrate", "--noinput", "--verbosity=0")
        run_manage(env, "load_demo", "--verbosity=0")
        print(f"{args.requests} requests per row, {args.concurrency} at a time, gunicorn 2 workers\n")
        print(f"{'page':<8}{'mode':<10}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
        for mode, cache_seconds in (("uncached", 0), ("cached", 300)):
            server = start_server(env, args.port, cache_seconds)
            try:
                for name, path in PAGES.items():
                    measure(args.port, path, 40, 2)  # warm-up: imports, caches, connections
                    result = measure(args.port, path, args.requests, args.concurrency)
                    print(
                        f"{name:<8}{mode:<10}{result['rps']:>8.0f}{result['p50']:>9.1f}"
                        f"{result['p95']:>9.1f}{result['errors']:>8}",
                        flush=True,
                    )
            finally:
                server.terminate()
                server.wait(timeout=10)


if __name__ == "__main__":
    main()
