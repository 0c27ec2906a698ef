"""Speed of the public API (/api/v1/) on the demo site.

    .venv/bin/python bench/api.py [--requests 100]

A fresh demo site on SQLite in a temporary folder, requests through Django's test
client in this process (no network, one thread), so the figures are the server's
own work per request. For each endpoint: a listing of 20 items in English with the
response cache emptied before every request (what the first reader after a publish
pays), then the same request from the cache (everyone else, for API_CACHE_SECONDS).
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _site import demo_site, percentile, setup_django  # noqa: E402

URLS = [
    "/api/v1/guides/?lang=en",
    "/api/v1/regulations/?lang=en&in_force_on=2024-01-01",
    "/api/v1/events/?lang=en&upcoming=true",
    "/api/v1/forum-threads/?lang=en",
]


def timings(client, url, requests, cold):
    from django.core.cache import caches

    samples = []
    for _ in range(requests):
        if cold:
            caches["pages"].clear()
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    setup_django()
    print("building the demo site ...", flush=True)
    demo_site()
    from django.test import Client

    from cms.api.base import ClientThrottle

    ClientThrottle.rate = "1000000/minute"  # one client address here
    client = Client()
    print(f"{'endpoint':55} {'cold p50':>9} {'cold p95':>9} {'cached p95':>11}  (ms)")
    for url in URLS:
        client.get(url)  # warm imports and templates
        cold = timings(client, url, args.requests, cold=True)
        cached = timings(client, url, args.requests, cold=False)
        print(
            f"{url:55} {percentile(cold, 0.5):9.1f} {percentile(cold, 0.95):9.1f} {percentile(cached, 0.95):11.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
