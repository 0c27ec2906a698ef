"""Sinergi side by side with bakerydemo, Wagtail's reference site, in one run (issue 26).

Run with `make bench-bakerydemo` (or `.venv/bin/python bench/bakerydemo.py`). Both sites
are served at the same time, each by gunicorn with 2 workers, DEBUG off, SQLite and no page
cache, on two ports, and measured one at a time in alternating rounds: each round takes
bakerydemo's bread and home pages and Sinergi's guide, topic and home pages in turn, starting
one page further than the last, each after a short warm-up, with the same requests from this
process (`bench/_serve.py`). Alternating spreads whatever else the machine does over both
sites instead of favouring one. It prints,
per page, the medians over rounds of requests per second, p95 latency and server CPU per
request (user + system time of the gunicorn master and workers, from /proc: what a request
costs the server, whatever the load generator beside it takes), then Sinergi's ratios to
the bread page against the issue's targets (>= 1.2x requests per second, <= 0.8x CPU).
A last column gives the cores other processes kept busy during the measurements (median),
so figures taken on a shared machine say so; --quiet-below waits for calm before each
measurement and takes a disturbed one again. Server CPU per request varies less with such
neighbours than requests per second do, but grows with them too (caches and cores shared).

bakerydemo is cloned from --bakerydemo-repo at --bakerydemo-ref into a folder outside the
repository ($XDG_CACHE_HOME/sinergi-bench/bakerydemo-<ref>, or --cache-dir) with its own
virtualenv, a migrated SQLite database loaded by its `load_initial_data`, and collected
static files; later runs reuse that folder, so only the first one takes minutes. The
default ref, 5a01dcd (Wagtail 7.2, Django 5.2), is bakerydemo's last commit that runs on
Python 3.11, this project's Python; its main branch needs Django 6 and Python 3.12.

bakerydemo runs its production settings (`bakerydemo.settings.production`) with no Redis,
Elasticsearch or cloud storage variables, so it falls back to a local-memory cache and
Wagtail's database search backend, as Sinergi does here. Those settings redirect to HTTPS,
so its requests carry `X-Forwarded-Proto: https`, as behind a proxy. Its virtualenv gets
requirements/base.txt, the whitenoise its production settings load, and Sinergi's gunicorn
version; the rest of production.txt (uwsgi, which needs a C compiler, and clients for
PostgreSQL, S3, Google storage, Elasticsearch and Redis) serves nothing measured here.
django-tasks is held at 0.8.1, which Wagtail 7.2 allows: 0.9's slotted generic dataclasses
raise a TypeError on Python 3.11.7 when a search-index task is enqueued (load_initial_data).
Sinergi is a fresh demo site in a temporary folder, as in `bench/pages.py`.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from _compare import figures_table, ratios_table, rotated, summarise
from _serve import (
    ROOT,
    measure,
    others_busy,
    prepare_sinergi,
    sinergi_env,
    start_gunicorn,
    start_sinergi,
    stop,
)

DEFAULT_REPO = "https://github.com/wagtail/bakerydemo.git"
DEFAULT_REF = "5a01dcd"
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
PINS = (f"gunicorn=={version('gunicorn')}", "django-tasks==0.8.1")
SINERGI_PAGES = {"guide": "/en/visa/visa-kunjungan/", "topic": "/en/visa/", "home": "/en/"}


def cache_folder(cache_dir, ref):
    base = Path(cache_dir) if cache_dir else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = (base / "sinergi-bench" / f"bakerydemo-{re.sub(r'[^A-Za-z0-9._-]', '-', ref)}").resolve()
    if folder == ROOT or ROOT in folder.parents:
        raise SystemExit(f"{folder} is inside the repository; choose a --cache-dir outside it")
    return folder


def bakerydemo_env(folder):
    """Only what bakerydemo's production settings read, so nothing of the caller's
    environment (a REDIS_URL, a DATABASE_URL) leaks into it."""
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "TMPDIR") if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def step(label, command, **kwargs):
    print(f"bakerydemo: {label} ...", flush=True)
    began = time.monotonic()
    subprocess.run([str(part) for part in command], check=True, **kwargs)
    print(f"bakerydemo: {label} done in {time.monotonic() - began:.0f} s", flush=True)


def build_bakerydemo(folder, repo, ref):
    """Clone, install, migrate, load and collect into ``folder``, unless an earlier run did."""
    ready = folder / "ready"
    if ready.exists():
        print(f"bakerydemo: {ready.read_text().strip()} from {folder}", flush=True)
        return
    if folder.exists():
        shutil.rmtree(folder)  # an interrupted build
    folder.mkdir(parents=True)
    source, python = folder / "src", folder / "venv" / "bin" / "python"
    git = shutil.which("git") or "git"
    step(f"cloning {repo}", [git, "clone", "--quiet", repo, source])
    step(f"checking out {ref}", [git, "-C", source, "checkout", "--quiet", ref])
    (source / ".env").touch()  # its manage.py and wsgi.py warn when it is missing
    step("creating its virtualenv", [sys.executable, "-m", "venv", folder / "venv"])
    production = (source / "requirements" / "production.txt").read_text()
    whitenoise = re.search(r"^whitenoise\S*", production, re.MULTILINE).group(0)
    requirements = ["-r", source / "requirements" / "base.txt", whitenoise, *PINS]
    step("installing its requirements", [python, "-m", "pip", "install", "--quiet", *requirements])
    env = bakerydemo_env(folder)
    for label, *command in (
        ("migrating a fresh SQLite database", "migrate", "--noinput", "--verbosity=0"),
        ("loading its initial data", "load_initial_data"),
        ("collecting static files", "collectstatic", "--noinput", "--verbosity=0"),
    ):
        step(label, [python, "manage.py", *command], cwd=source, env=env)
    commit = subprocess.run(
        [git, "-C", str(source), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    ready.write_text(f"{commit}\n")


def machine():
    with open("/proc/cpuinfo") as cpuinfo:
        model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read(), re.MULTILINE)
    return f"{os.cpu_count()} cores, {model.group(1) if model else 'unknown CPU'}"


def load():
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo-repo", default=DEFAULT_REPO)
    parser.add_argument("--bakerydemo-ref", default=DEFAULT_REF, help="a commit (the cache is keyed by it)")
    parser.add_argument("--cache-dir", help="where bakerydemo is built (default $XDG_CACHE_HOME or ~/.cache)")
    parser.add_argument("--bread-path", default="/breads/anadama-bread/")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=400, help="requests per page and round")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--warm-up", type=int, default=40, help="requests before each measurement")
    parser.add_argument(
        "--quiet-below",
        type=float,
        metavar="CORES",
        help="before each round, wait (up to 10 minutes) until other processes use fewer cores",
    )
    parser.add_argument("--sinergi-port", type=int, default=8765)
    parser.add_argument("--bakerydemo-port", type=int, default=8766)
    args = parser.parse_args()
    # Stopped with SIGTERM (a timeout, kill), still stop both servers and remove the site.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))

    folder = cache_folder(args.cache_dir, args.bakerydemo_ref)
    build_bakerydemo(folder, args.bakerydemo_repo, args.bakerydemo_ref)
    with tempfile.TemporaryDirectory(prefix="sinergi-bench-") as var:
        env = sinergi_env(var)
        print("sinergi: preparing a fresh demo site ...", flush=True)
        prepare_sinergi(env)
        bakery = start_gunicorn(
            folder / "venv" / "bin" / "python",
            "bakerydemo.wsgi:application",
            folder / "src",
            bakerydemo_env(folder),
            args.bakerydemo_port,
            probe=args.bread_path,
            headers=PROXY_HEADERS,
        )
        try:
            sinergi = start_sinergi(env, args.sinergi_port)
            try:
                pages = {
                    ("bakerydemo", "bread"): (bakery, args.bakerydemo_port, args.bread_path, PROXY_HEADERS)
                }
                pages[("bakerydemo", "home")] = (bakery, args.bakerydemo_port, "/", PROXY_HEADERS)
                for name, path in SINERGI_PAGES.items():
                    pages[("sinergi", name)] = (sinergi, args.sinergi_port, path, None)
                compare(pages, args)
            finally:
                stop(sinergi)
        finally:
            stop(bakery)


def wait_for_quiet(cores, patience=600):
    """Wait until other processes keep fewer than ``cores`` busy (up to ``patience``
    seconds), so a shared machine's neighbours disturb the figures less."""
    deadline = time.monotonic() + patience
    while (others := others_busy(3)) >= cores and time.monotonic() < deadline:
        print(f"  waiting: other processes keep {others:.2f} cores busy", flush=True)
        time.sleep(5)


def measured(server, port, path, headers, args, attempts=3):
    """One measurement after a warm-up. With --quiet-below, it starts in calm and is taken
    again (up to ``attempts`` times) when other processes woke up meanwhile."""
    for _ in range(attempts):
        if args.quiet_below is not None:
            wait_for_quiet(args.quiet_below)
        measure(port, path, args.warm_up, args.concurrency, headers)
        result = measure(port, path, args.requests, args.concurrency, headers, server_pid=server.pid)
        if args.quiet_below is None or result["others"] < args.quiet_below:
            break
        print(f"  disturbed (other processes: {result['others']:.2f} cores), again", flush=True)
    return result


def compare(pages, args):
    """The alternating rounds, each starting one page further (so no page is always the
    first after a pause), then the tables."""
    for (site, _page), (_, port, path, headers) in pages.items():
        if measure(port, path, args.warm_up, args.concurrency, headers)["errors"]:
            raise SystemExit(f"{site} answers {path} with errors")
    print(
        f"\n{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}, load before {load()}; {args.rounds} rounds, "
        f"{args.requests} requests per page and round, {args.concurrency} at a time, gunicorn 2 workers each",
        flush=True,
    )
    rounds = {key: [] for key in pages}
    for number in range(args.rounds):
        for key in rotated(list(pages), number):
            result = measured(*pages[key], args)
            rounds[key].append(result)
            print(
                f"round {number + 1}: {key[0]} {key[1]}: {result['rps']:.0f}/s, p95 {result['p95']:.0f} ms, "
                f"{result['cpu_ms']:.1f} ms CPU per request (other processes: {result['others']:.2f} cores)",
                flush=True,
            )
    print(f"load after {load()}\n")
    summary = summarise(rounds)
    print(figures_table(summary) + "\n")
    sinergi = [key for key in pages if key[0] == "sinergi"]
    print(ratios_table(summary, sinergi, ("bakerydemo", "bread")) + "\n")
    print(ratios_table(summary, [("sinergi", "home")], ("bakerydemo", "home")))


if __name__ == "__main__":
    main()
