"""Shared by the page benchmarks: a site under gunicorn, and timed requests against it.

`bench/pages.py` and `bench/bakerydemo.py` serve sites the same way (gunicorn, 2 workers,
DEBUG off, loopback) and time them the same way (keep-alive connections from this process,
a few at a time), so their figures compare. The server's CPU time is read from /proc (the
gunicorn master and its workers) before and after a measurement, which tells how much work
a request costs the server independently of the load generator sharing its cores.
"""

import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def run_manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def sinergi_env(var):
    """The environment of a throw-away Sinergi site whose data lives in ``var``."""
    env = dict(os.environ, SINERGI_VAR_DIR=str(var), DEBUG="false", LOG_LEVEL="WARNING")
    env.pop("DATABASE_URL", None)
    return env


def prepare_sinergi(env):
    """A fresh demo site: migrated SQLite database and the demo content."""
    run_manage(env, "migrate", "--noinput", "--verbosity=0")
    run_manage(env, "load_demo", "--verbosity=0")


def start_sinergi(env, port, cache_seconds=0):
    return start_gunicorn(
        sys.executable,
        "config.wsgi:application",
        ROOT,
        dict(env, PAGE_CACHE_SECONDS=str(cache_seconds)),
        port,
        probe="/robots.txt",
    )


def start_gunicorn(python, application, cwd, env, port, probe="/", headers=None):
    """gunicorn with 2 workers on 127.0.0.1:``port``, returned once it answers ``probe``."""
    command = [
        str(python),
        "-m",
        "gunicorn",
        application,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=cwd, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn on port {port} exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", probe, headers=headers or {})
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise SystemExit(f"gunicorn on port {port} did not start")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def stat_cpu_ticks(stat):
    """(parent pid, user + system clock ticks) from the text of a /proc/<pid>/stat file.

    The command name (second field) may hold spaces and parentheses, so fields are
    counted from the last ')'.
    """
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[1]), int(fields[11]) + int(fields[12])


def process_tree_cpu_seconds(pid):
    """User + system CPU seconds of process ``pid`` and its direct children (gunicorn's
    workers) so far."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent, ticks = stat_cpu_ticks(stat.read())
        except (FileNotFoundError, ProcessLookupError):
            continue  # ended while we looked
        if int(entry) == pid or parent == pid:
            total += ticks
    return total / CLOCK_TICKS


def busy_cpu_seconds(stat):
    """CPU seconds the whole machine has spent busy (not idle or waiting for disk), from
    the text of /proc/stat."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, stat.split()[1:9])
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def machine_busy_seconds():
    with open("/proc/stat") as stat:
        return busy_cpu_seconds(stat.readline())


def own_cpu_seconds():
    times = os.times()
    return times.user + times.system


def cpu_counters(server_pid):
    """CPU seconds so far of the server (master and workers), the whole machine and this process."""
    return process_tree_cpu_seconds(server_pid), machine_busy_seconds(), own_cpu_seconds()


def others_busy(seconds):
    """Cores kept busy by other processes over the next ``seconds`` (the servers idle)."""
    before = machine_busy_seconds(), own_cpu_seconds()
    time.sleep(seconds)
    return (machine_busy_seconds() - before[0] - (own_cpu_seconds() - before[1])) / seconds


def measure(port, path, requests, concurrency, headers=None, server_pid=None):
    """``requests`` GETs of ``path`` from ``concurrency`` keep-alive connections.

    Returns requests per second, p50 and p95 latency (ms), the number of non-200
    answers, the size of the page (bytes) and, given the server's pid, its CPU time
    per request (ms) and the cores that other processes kept busy meanwhile (the
    machine's busy time less the server's and this process's): a measurement taken
    while something else ran shows it there.
    """
    latencies = []
    errors = []
    sizes = []
    lock = threading.Lock()
    per_worker = requests // concurrency

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        body = b""
        for _ in range(per_worker):
            start = time.perf_counter()
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            body = response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                errors.append(response.status)
        with lock:
            latencies.extend(mine)
            sizes.append(len(body))

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    before = cpu_counters(server_pid) if server_pid else None
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    cuts = statistics.quantiles(latencies, n=100)
    result = {
        "rps": len(latencies) / elapsed,
        "p50": cuts[49] * 1000,
        "p95": cuts[94] * 1000,
        "errors": len(errors),
        "bytes": max(sizes),
    }
    if server_pid:
        server, busy, own = (
            after - start for after, start in zip(cpu_counters(server_pid), before, strict=True)
        )
        result["cpu_ms"] = server * 1000 / len(latencies)
        result["others"] = max(0.0, busy - server - own) / elapsed
    return result
