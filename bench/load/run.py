"""Load and fault test (issue 9): 200 simulated people on gunicorn + PostgreSQL + OpenSearch.

    .venv/bin/pip install -r bench/load/requirements.txt      # locust, once
    .venv/bin/python bench/load/run.py                        # 200 users, 180 s
    .venv/bin/python bench/load/run.py --users 20 --duration 30   # a quick try
    .venv/bin/python bench/load/run.py --fault search         # stop the search node in the middle
    .venv/bin/python bench/load/run.py --fault postgres       # restart PostgreSQL in the middle
    .venv/bin/python bench/load/run.py --fault redis          # stop Redis (the shared cache) in the middle

Everything is set up for the run and removed after it, in a temporary folder: a
private PostgreSQL server (synchronous commits, as in production), an OpenSearch
node of its own (search/launcher.py, port 9281 by default, never the developer's
node), the production profile (SINERGI_ENV=production, DEBUG off, static files
collected and served by WhiteNoise, TASKS_BACKEND=database, JSON logs,
TRUSTED_PROXY_COUNT=1, the whole-page cache on for PAGE_CACHE_SECONDS=300 as
docs/deployment.md recommends; ``--page-cache 0`` renders every request), a private
Redis server as the shared cache when ``redis-server`` is installed (Debian:
apt-get install redis-server; else each process has its own memory cache), then
migrate, load_demo, search_index rebuild and the
forum members (site_tasks.py prepare). It runs gunicorn, ``manage.py task_worker`` and
``manage.py run_periodic`` as production does, and the simulated people
(locustfile.py, run by swarm.py in its own process) from this machine's loopback,
each with its own address in X-Forwarded-For as the reverse proxy would send it.

Before the load every page is fetched once in each language, so the page cache is as
on a site that has been up for a while; ``--cold`` starts with it empty instead (as
right after a start, or a publish, which empties it).

It prints requests per second, p50/p95 of reads (GET) and writes (POST) apart,
the errors by kind and the slowest pages. With ``--fault`` it also prints what
happened during the fault and checks afterwards that every registration, complaint
and question the site accepted is in the database (and, for search, that the index
caught up: ``manage.py search_index check``).

Never part of the test suite: it takes minutes and the whole machine.
"""

import argparse
import importlib.util
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable


def say(message):
    print(message, flush=True)


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# --- the servers ----------------------------------------------------------------------------


class BenchPostgres:
    """A private PostgreSQL server (tests/postgres_server.py) that can be stopped and started again.

    Unlike the test server, commits are synchronous (the production default): a
    commit the site reported is on its way to disk before the answer, so a restart
    in the middle must not lose it. fsync stays off (the machine does not crash,
    only the server process stops).
    """

    def __init__(self):
        from tests.postgres_server import PostgresServer

        self.server = PostgresServer()
        self.options = (
            f"-k {self.server.folder} -c listen_addresses='' -c fsync=off -c max_connections=200 "
            "-c shared_buffers=256MB"
        )

    def start(self):
        server = self.server
        server.run(server.initdb, "-D", str(server.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start_again()
        return f"postgres://postgres@/postgres?host={server.folder}"

    def start_again(self):
        server = self.server
        log = str(server.folder / "log")
        server.run(server.pg_ctl, "-D", str(server.data), "-o", self.options, "-l", log, "-w", "start")

    def halt(self, mode="fast"):
        server = self.server
        server.run(server.pg_ctl, "-D", str(server.data), "-m", mode, "-w", "stop")

    def stop(self):
        self.server.stop()


class BenchRedis:
    """A private Redis server on loopback (no persistence): the shared cache of production."""

    def __init__(self, port):
        self.port = port
        self.process = None

    def start(self):
        server = shutil.which("redis-server")
        if server is None:
            return None
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command
            [server, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(0.5)
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


class Site:
    """gunicorn, the task worker and the scheduler, with the production profile."""

    def __init__(self, var, port, database_url, search_url, workers, page_cache, cache_url):
        self.var = Path(var)
        self.port = port
        self.workers = workers
        self.logs = self.var / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "SINERGI_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_BASE_URL": f"https://127.0.0.1:{port}",
            "SINERGI_VAR_DIR": str(self.var),
            "DATABASE_URL": database_url,
            "SEARCH_URL": f"opensearch+{search_url}",
            "SEARCH_INDEX_PREFIX": "sinergiload",
            "TASKS_BACKEND": "database",
            "TRUSTED_PROXY_COUNT": "1",
            "EMAIL_URL": f"file://{self.var / 'mail'}",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            "PAGE_CACHE_SECONDS": str(page_cache),
        }
        if cache_url:
            self.env["CACHE_URL"] = cache_url
        self.env.pop("DEBUG", None)
        self.processes = {}

    def manage(self, *command, check=True):
        result = subprocess.run(  # noqa: S603 - our own manage.py
            [PYTHON, str(ROOT / "manage.py"), *command],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
            )
        return result

    def helper(self, *command):
        result = subprocess.run(  # noqa: S603 - our own script
            [PYTHON, str(HERE / "site_tasks.py"), *command],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"site_tasks.py {command[0]} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
            )
        return result.stdout

    def spawn(self, name, command):
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - handed to the process
        self.processes[name] = subprocess.Popen(  # noqa: S603 - fixed commands
            command, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def start(self):
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        self.spawn(
            "gunicorn",
            [gunicorn, "config.wsgi", "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}"],
        )
        self.spawn("worker", [PYTHON, "manage.py", "task_worker", "--no-reload"])
        self.spawn("scheduler", [PYTHON, "manage.py", "run_periodic"])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.get("/healthz")[0] == 200:
                return
            if self.processes["gunicorn"].poll() is not None:
                break
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not start; see {self.logs / 'gunicorn.log'}")

    def get(self, path, timeout=10):
        request = urllib.request.Request(  # noqa: S310 - loopback
            f"http://127.0.0.1:{self.port}{path}",
            headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.255.0.1"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except OSError as error:
            return 0, str(error)

    def alive(self):
        return {name: process.poll() is None for name, process in self.processes.items()}

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


# --- where the CPU went --------------------------------------------------------------------


def cpu_snapshot():
    """CPU seconds (user + system, own and reaped children's) of every live process as
    {pid: (ppid, session, seconds)}, and the machine's."""
    ticks = os.sysconf("SC_CLK_TCK")
    processes = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        processes[int(stat.parent.name)] = (
            int(fields[1]),
            int(fields[3]),
            # utime + stime, and cutime + cstime: the time of children that ended and were
            # reaped (PostgreSQL's backends come and go; without it its share came out negative)
            sum(int(value) for value in fields[11:15]) / ticks,
        )
    with open("/proc/stat") as handle:  # noqa: PTH123
        values = [int(value) for value in handle.readline().split()[1:]]
    busy = (sum(values) - values[3] - values[4]) / ticks  # all but idle and iowait
    return processes, busy


def group_cpu(processes, roots):
    """Seconds used by the processes ``roots``, their session and their children."""
    return sum(
        seconds for pid, (ppid, session, seconds) in processes.items() if {pid, ppid, session} & set(roots)
    )


def cpu_report(before, after, seconds, groups, extra=None):
    """Per cent of one core for each group of processes, and for everything else on the machine.

    Processes that ended during the run (the locust process) are given in ``extra`` (seconds)."""
    (start, busy_start), (end, busy_end) = before, after
    lines = [f"CPU during the load ({os.cpu_count()} cores = {100 * os.cpu_count()} %):"]
    accounted = 0.0
    for name, roots in groups.items():
        used = group_cpu(end, roots) - group_cpu(start, roots)
        accounted += used
        lines.append(f"  {name:30} {100 * used / seconds:5.0f} %")
    for name, used in (extra or {}).items():
        accounted += used
        lines.append(f"  {name:30} {100 * used / seconds:5.0f} %")
    lines.append(
        f"  {'everything else on the machine':30} {100 * (busy_end - busy_start - accounted) / seconds:5.0f} %"
    )
    return "\n".join(lines)


def warm_up(site, fixture):
    """Every page of the fixture once in each language: the page cache as a site that has
    been up for a while has it (``--cold`` skips this, to measure a start or a publish,
    which empties the page cache)."""
    paths = [path for group in fixture["pages"].values() for path in group]
    paths += [session["path"].split("register/")[0] for session in fixture["sessions"]]
    today = time.localtime()
    paths += [
        "/acara/",
        f"/acara/month/{today.tm_year}/{today.tm_mon}/",
        "/forums/",
        "/complaints/statistics/",
    ]
    for language in ("id", "en", "ar", "zh-hans"):
        for path in paths:
            site.get(f"/{language}{path}")
    return len(paths) * 4


def service_times(site, fixture, runs=8):
    """Each kind of page alone, one request at a time, before the load: the server's own cost
    the first time (rendered), then from the page cache (the median of the following runs)."""
    pages = fixture["pages"]
    today = time.localtime()
    samples = {
        "home": f"/en{pages['home'][0]}",
        "topic": f"/en{pages['topic'][0]}",
        "guide": f"/en{pages['guide'][0]}",
        "regulation": f"/en{pages['regulation'][0]}",
        "regulation index": f"/en{pages['regulation index'][0]}" if pages["regulation index"] else None,
        "calendar": "/en/acara/",
        "month view": f"/en/acara/month/{today.tm_year}/{today.tm_mon}/",
        "event": f"/en{fixture['sessions'][0]['path'].split('register/')[0]}",
        "registration form": f"/en{fixture['sessions'][0]['path']}",
        "search": "/en/search/?q=visa+extension",
        "autocomplete": "/en/search/suggest/?q=vis",
        "forum index": "/en/forums/",
        "forum board": f"/en/forums/board/{fixture['boards'][0]}/",
        "complaint form": "/en/complaints/",
        "complaint statistics": "/en/complaints/statistics/",
    }
    lines = ["one request at a time, before the load (server time + loopback):"]
    for name, path in samples.items():
        if not path:
            continue
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            status, _body = site.get(path)
            times.append((time.perf_counter() - began) * 1000)
        lines.append(
            f"  {name:22} first {times[0]:6.1f} ms   then p50 {percentile(times[1:], 0.5):6.1f} ms   (HTTP {status})"
        )
    return "\n".join(lines)


# --- faults ---------------------------------------------------------------------------------


class Fault(threading.Thread):
    """Breaks one dependency at ``at`` seconds into the run and repairs it ``length`` seconds later."""

    def __init__(self, kind, at, length, site, postgres, search, pg_mode, redis):
        super().__init__(daemon=True)
        self.kind, self.at, self.length = kind, at, length
        self.site, self.postgres, self.search, self.pg_mode = site, postgres, search, pg_mode
        self.redis = redis
        self.down = self.up = None
        self.readyz = []
        self.pending = None
        self.error = None

    def run(self):
        try:
            time.sleep(self.at)
            self.down = time.time()
            if self.kind == "search":
                say(f"  FAULT: stopping the search node ({self.search['url']})")
                from search import launcher

                launcher.stop(self.search["var"])
            elif self.kind == "redis":
                say("  FAULT: stopping Redis")
                self.redis.stop()
            else:
                say(f"  FAULT: stopping PostgreSQL (pg_ctl stop -m {self.pg_mode})")
                self.postgres.halt(self.pg_mode)
            self.down = time.time()
            deadline = self.down + self.length
            while time.time() < deadline:
                status, body = self.site.get("/readyz", timeout=5)
                self.readyz.append((round(time.time() - self.down, 1), status, body[:300]))
                time.sleep(min(10, max(0, deadline - time.time())))
            if self.kind == "search":
                self.pending = pending_updates(self.site)
                say(f"  index updates waiting just before the node returns: {self.pending}")
                say("  FAULT over: starting the search node again")
                from search import launcher

                launcher.start(
                    port=self.search["port"],
                    var_dir=self.search["var"],
                    cluster_name="sinergi-load",
                    progress=say,
                )
            elif self.kind == "redis":
                say("  FAULT over: starting Redis again")
                self.redis.start()
            else:
                say("  FAULT over: starting PostgreSQL again")
                self.postgres.start_again()
            self.up = time.time()
            say(f"  back after {self.up - self.down:.0f} s")
        except Exception as error:  # noqa: BLE001 - reported at the end
            self.error = error


# --- the report -----------------------------------------------------------------------------


def latency_lines(records, label):
    lines = []
    for kind in ("read", "write"):
        times = [r[3] for r in records if r[2] == kind and not r[5]]
        lines.append(
            f"{label}{kind + 's':6} {len(times):6d} ok   p50 {percentile(times, 0.5):6.0f} ms   "
            f"p95 {percentile(times, 0.95):6.0f} ms   p99 {percentile(times, 0.99):6.0f} ms   "
            f"max {max(times, default=0):6.0f} ms"
        )
    return lines


def summarise(results, steady_after):
    """The whole run, then the steady part (from ``steady_after`` seconds: everyone spawned and signed in)."""
    records = results["records"]
    elapsed = results["ended"] - results["started"]
    lines = [f"requests: {len(records)} in {elapsed:.0f} s = {len(records) / elapsed:.1f} req/s"]
    lines += latency_lines(records, "whole run  ")
    steady = [r for r in records if r[0] >= results["started"] + steady_after]
    if steady and elapsed > steady_after:
        lines.append(
            f"steady part (from {steady_after:.0f} s): {len(steady) / (elapsed - steady_after):.1f} req/s"
        )
        lines += latency_lines(steady, "steady     ")
    errors = {}
    for record in records:
        if record[5]:
            errors[record[5]] = errors.get(record[5], 0) + 1
    lines.append(f"errors: {sum(errors.values())}")
    for kind, count in sorted(errors.items(), key=lambda item: -item[1])[:15]:
        lines.append(f"  {count:6d}  {kind}")
    lines.append("")
    lines.append(f"{'page':28} {'count':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'errors':>6}")
    names = sorted({r[1] for r in records})
    rows = []
    for name in names:
        mine = [r for r in records if r[1] == name]
        times = [r[3] for r in mine if not r[5]]
        rows.append((percentile(times, 0.95) if times else 0, name, mine, times))
    for p95, name, mine, times in sorted(rows, key=lambda row: -row[0]):
        lines.append(
            f"{name:28} {len(mine):6d} {percentile(times, 0.5):7.0f} {p95:7.0f} "
            f"{max(times, default=0):7.0f} {sum(1 for r in mine if r[5]):6d}"
        )
    counts = results.get("counts", {})
    if counts.get("searches"):
        lines.append(f"\nsearch pages marked degraded: {counts['degraded searches']} of {counts['searches']}")
    return "\n".join(lines)


def fault_window(results, fault):
    """What the simulated people got while the dependency was down, and how quickly it came back."""
    records = results["records"]
    lines = [f"fault: {fault.kind} down for {fault.up - fault.down:.0f} s"]
    during = [r for r in records if fault.down <= r[0] <= fault.up]
    failed = [r for r in during if r[5]]
    lines.append(f"during the fault: {len(during)} requests, {len(failed)} failed")
    kinds = {}
    for record in failed:
        kinds.setdefault(record[5], []).append(record[3])
    for kind, times in sorted(kinds.items(), key=lambda item: -len(item[1]))[:10]:
        lines.append(
            f"  {len(times):6d}  {kind}  (answered in p50 {percentile(times, 0.5):.0f} ms, p95 {percentile(times, 0.95):.0f} ms)"
        )
    ok = [r[3] for r in during if not r[5]]
    if ok:
        lines.append(
            f"  successful during the fault: p50 {percentile(ok, 0.5):.0f} ms, p95 {percentile(ok, 0.95):.0f} ms"
        )
    after = [r for r in records if r[0] > fault.up and r[5]]
    if after:
        last = max(r[0] for r in after)
        lines.append(
            f"after the repair: {len(after)} failed requests, the last {last - fault.up:.1f} s after it; "
            f"kinds: {sorted({r[5] for r in after})[:5]}"
        )
    else:
        lines.append("after the repair: no failed request")
    for seconds, status, body in fault.readyz:
        lines.append(f"  /readyz at +{seconds:.0f} s: {status} {body[:200]}")
    return "\n".join(lines)


# --- main -----------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=float, default=20)
    parser.add_argument("--duration", type=float, default=180, help="seconds of load")
    parser.add_argument("--wait-min", type=float, default=1, help="think time between a person's actions")
    parser.add_argument("--wait-max", type=float, default=5)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument(
        "--page-cache", type=int, default=300, help="PAGE_CACHE_SECONDS (0: every page rendered)"
    )
    parser.add_argument("--cold", action="store_true", help="start the load with an empty page cache")
    parser.add_argument("--redis-port", type=int, default=6391, help="the private Redis server, if installed")
    parser.add_argument("--search-port", type=int, default=9280, help="launcher base port: node on +1")
    parser.add_argument("--members", type=int, default=60, help="forum members prepared")
    parser.add_argument("--fault", choices=["search", "postgres", "redis"])
    parser.add_argument("--fault-at", type=float, help="seconds into the load (default: a third)")
    parser.add_argument(
        "--fault-length", type=float, help="seconds down (default: search 60, postgres and redis 20)"
    )
    parser.add_argument("--pg-stop-mode", choices=["fast", "immediate"], default="fast")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    args = parser.parse_args()

    if importlib.util.find_spec("locust") is None:
        sys.exit("locust is not installed: .venv/bin/pip install -r bench/load/requirements.txt")
    from search import launcher

    problem = launcher.missing_tools()
    if problem:
        sys.exit(f"cannot start OpenSearch: {problem}")
    search_url = launcher.node_url(args.search_port)
    if launcher.health(search_url):
        sys.exit(f"something already answers on {search_url}; choose another --search-port")

    var = Path(tempfile.mkdtemp(prefix="sinergi-load-"))
    postgres = site = None
    redis = BenchRedis(args.redis_port)
    try:
        say(f"folder: {var}")
        postgres = BenchPostgres()
        database_url = postgres.start()
        say("PostgreSQL started")
        launcher.start(port=args.search_port, var_dir=var, cluster_name="sinergi-load", progress=say)
        cache_url = redis.start()
        say(
            f"cache: {'Redis ' + cache_url if cache_url else 'memory of each process (redis-server not installed)'}"
        )
        site = Site(var, args.port, database_url, search_url, args.workers, args.page_cache, cache_url)
        for step in (("migrate", "--noinput"), ("load_demo",), ("collectstatic", "--noinput")):
            say(f"manage.py {' '.join(step)} ...")
            site.manage(*step)
        fixture = var / "fixture.json"
        say(site.helper("prepare", str(fixture), "--members", str(args.members)).strip())
        say("manage.py search_index rebuild ...")
        site.manage("search_index", "rebuild", "-v", "0")
        site.manage("run_periodic", "--once")  # the scheduler's first round before the load, not during it
        site.start()
        say(
            f"gunicorn ({args.workers} workers, page cache {args.page_cache} s), task_worker and run_periodic"
            f" running on 127.0.0.1:{args.port}"
        )
        for path in ("/id/", "/en/", "/id/search/?q=visa", "/id/acara/"):  # warm the caches once
            status, _body = site.get(path)
            if status != 200:
                raise RuntimeError(f"warm-up GET {path} answered {status}")

        fault = None
        if args.fault == "redis" and not cache_url:
            raise RuntimeError("--fault redis needs redis-server (Debian: apt-get install redis-server)")
        if args.fault:
            fault = Fault(
                args.fault,
                args.fault_at if args.fault_at is not None else args.duration / 3,
                args.fault_length or (60 if args.fault == "search" else 20),
                site,
                postgres,
                {"url": search_url, "port": args.search_port, "var": var},
                args.pg_stop_mode,
                redis,
            )
        out = var / "results.json"
        say(
            f"load: {args.users} users (spawn {args.spawn_rate}/s), {args.duration:.0f} s, "
            f"think time {args.wait_min}-{args.wait_max} s"
        )
        swarm_env = {
            **os.environ,
            "LOAD_FIXTURE": str(fixture),
            "LOAD_WAIT_MIN": str(args.wait_min),
            "LOAD_WAIT_MAX": str(args.wait_max),
        }
        say(service_times(site, json.loads(fixture.read_text())))
        if not args.cold:
            say(f"page cache warmed: {warm_up(site, json.loads(fixture.read_text()))} pages")
        cpu_before = cpu_snapshot()
        swarm = subprocess.Popen(  # noqa: S603 - our own script
            [
                PYTHON,
                str(HERE / "swarm.py"),
                "--host",
                f"http://127.0.0.1:{args.port}",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--duration",
                str(args.duration),
                "--out",
                str(out),
            ],
            env=swarm_env,
            cwd=ROOT,
            start_new_session=True,
        )
        if fault:
            fault.start()
        swarm.wait()
        cpu_after = cpu_snapshot()
        if fault:
            fault.join()
        results = json.loads(out.read_text())
        say("")
        say(
            f"=== {args.users} users, {args.duration:.0f} s, {args.workers} gunicorn workers,"
            f" page cache {args.page_cache} s, fault: {args.fault or 'none'}"
        )
        say(summarise(results, args.users / args.spawn_rate + 15))
        if fault:
            if fault.error:
                say(f"the fault thread failed: {fault.error!r}")
            else:
                say("")
                say(fault_window(results, fault))
        say("")
        postmaster = int((postgres.server.data / "postmaster.pid").read_text().split()[0])
        nodes = [int(path.read_text()) for path in (var / "opensearch").glob("node[0-9]*.pid")]
        groups = {
            "gunicorn": [site.processes["gunicorn"].pid],
            "PostgreSQL": [postmaster],
            "task_worker + run_periodic": [site.processes["worker"].pid, site.processes["scheduler"].pid],
            "OpenSearch node": nodes,
        }
        extra = {"locust (the simulated people)": results.get("cpu_seconds", 0)}
        say(cpu_report(cpu_before, cpu_after, results["ended"] - results["started"], groups, extra))
        say("")
        say(f"processes still running: {site.alive()}")
        accepted = var / "accepted.json"
        accepted.write_text(json.dumps(results["accepted"]))
        report = json.loads(site.helper("verify", str(accepted)).strip().splitlines()[-1])
        for kind, figures in report.items():
            say(
                f"accepted {kind}s: {figures['accepted']}, in the database: {figures['found']}"
                + (f", MISSING: {figures['missing'][:10]}" if figures["missing"] else "")
            )
        if args.fault == "search":
            check_index(site)
            attempts = sum(
                path.read_text(errors="replace").count("updates wait for it")
                for path in site.logs.glob("*.log")
            )
            say(f"index update runs that found the search node unreachable (one request each): {attempts}")
        if args.fault == "redis":
            warnings = sum(
                path.read_text(errors="replace").count("cache server") for path in site.logs.glob("*.log")
            )
            say(f"log lines about the cache server (start and end of the outage, per process): {warnings}")
        status, body = site.get("/readyz")
        say(f"/readyz at the end: {status} {body[:300]}")
    finally:
        if site:
            site.stop()
        launcher.stop(var)
        redis.stop()
        if postgres:
            postgres.stop()
        if args.keep:
            say(f"kept {var}")
        else:
            shutil.rmtree(var, ignore_errors=True)


def pending_updates(site):
    result = site.manage(
        "shell", "-c", "from search.models import PendingUpdate as P; print(P.objects.count())", check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return lines[-1] if lines else "?"


def check_index(site, seconds=420):
    """Wait until ``search_index check`` is clean (the queue drained after the node's return)."""
    began = time.monotonic()
    while True:
        pending = pending_updates(site)
        result = site.manage("search_index", "check", check=False)
        waited = time.monotonic() - began
        output = (result.stdout + result.stderr).strip().splitlines()
        if result.returncode == 0:
            say(
                f"search_index check after {waited:.0f} s: clean ({output[-1] if output else ''}); pending updates left: {pending}"
            )
            return True
        if waited > seconds:
            say(f"search_index check still NOT clean after {waited:.0f} s: {output[-5:]}; pending: {pending}")
            return False
        say(
            f"  search_index check not clean yet ({output[-1] if output else ''}); pending updates: {pending}; waiting"
        )
        time.sleep(20)


if __name__ == "__main__":
    main()
