"""Page speed: requests per second and p50/p95 latency for home, topic and guide pages.

Run with `make bench` (or `.venv/bin/python bench/pages.py`). It builds a fresh
demo site (SQLite, under a temporary folder), serves it with gunicorn exactly as
in production (2 workers, DEBUG off), and measures each page anonymously, first
with the page cache off (every request renders) and then on. Requests come from
this process over loopback with keep-alive, a few at a time. Not a test: it
prints figures; copy them into docs/performance.md with the date and machine.
`bench/bakerydemo.py` measures the same pages side by side with Wagtail's bakerydemo.
"""

import argparse
import tempfile

from _serve import measure, prepare_sinergi, sinergi_env, start_sinergi, stop

PAGES = {"home": "/en/", "topic": "/en/visa/", "guide": "/en/visa/visa-kunjungan/"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per page and mode")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sinergi-bench-") as var:
        env = sinergi_env(var)
        print("preparing a fresh demo site ...", flush=True)
        prepare_sinergi(env)
        print(f"{args.requests} requests per row, {args.concurrency} at a time, gunicorn 2 workers\n")
        print(f"{'page':<8}{'mode':<10}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
        for mode, cache_seconds in (("uncached", 0), ("cached", 300)):
            server = start_sinergi(env, args.port, cache_seconds)
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
                stop(server)


if __name__ == "__main__":
    main()
