"""The arithmetic and measuring of the page benchmarks (bench/_compare.py, bench/_serve.py),
without starting gunicorn or fetching bakerydemo: a tiny HTTP server in this process and a
busy child process stand in for a site and its workers."""

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import _compare, _serve


def result(rps, p95, cpu_ms, errors=0, size=2048, others=0.1):
    return {
        "rps": rps,
        "p50": p95 / 2,
        "p95": p95,
        "cpu_ms": cpu_ms,
        "errors": errors,
        "bytes": size,
        "others": others,
    }


ROUNDS = {
    ("bakerydemo", "bread"): [result(100, 40, 10), result(90, 50, 12), result(110, 45, 11)],
    ("sinergi", "guide"): [result(130, 30, 8), result(125, 35, 7, errors=1), result(140, 32, 9, others=0.9)],
    ("sinergi", "home"): [result(100, 44, 10), result(105, 40, 10), result(95, 48, 9)],
}


def test_summary_takes_the_median_of_each_figure_over_rounds():
    summary = _compare.summarise(ROUNDS)
    assert summary[("sinergi", "guide")] == {
        "rps": 130,
        "rps_low": 125,
        "rps_high": 140,
        "p95": 32,
        "cpu_ms": 8,
        "errors": 1,
        "bytes": 2048,
        "others": 0.1,
    }


def test_ratios_are_against_the_baseline_and_marked_against_the_targets():
    summary = _compare.summarise(ROUNDS)
    ratio = _compare.ratios(summary, ("sinergi", "guide"), ("bakerydemo", "bread"))
    assert ratio == pytest.approx({"rps": 1.3, "cpu_ms": 8 / 11, "p95": 32 / 45})
    table = _compare.ratios_table(
        summary, [("sinergi", "guide"), ("sinergi", "home")], ("bakerydemo", "bread")
    )
    guide, home = table.splitlines()[2:]
    assert guide == "| guide | 1.30 | 0.73 | 0.71 |"
    assert home == "| home | 1.00 (misses target) | 0.91 (misses target) | 0.98 |"


def test_each_round_starts_one_page_further():
    pages = ["bread", "home", "guide"]
    assert [_compare.rotated(pages, number) for number in range(4)] == [
        ["bread", "home", "guide"],
        ["home", "guide", "bread"],
        ["guide", "bread", "home"],
        ["bread", "home", "guide"],
    ]


def test_targets_include_their_bound():
    assert _compare.meets("rps", 1.2) and not _compare.meets("rps", 1.19)
    assert _compare.meets("cpu_ms", 0.8) and not _compare.meets("cpu_ms", 0.81)


def test_figures_table_has_a_row_per_page():
    table = _compare.figures_table(_compare.summarise(ROUNDS))
    assert table.splitlines()[3] == "| sinergi | guide | 130 (125-140) | 32.0 | 8.0 | 2 | 1 | 0.10 |"


def test_cpu_ticks_are_read_after_a_command_name_with_spaces_and_parentheses():
    stat = "4242 (gunicorn: (a) b) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 75 3 4 20 0 1 0"
    assert _serve.stat_cpu_ticks(stat) == (17, 325)


def test_machine_busy_time_leaves_out_idle_and_disk_waits():
    stat = "cpu  100 20 30 1000 50 5 5 10 0 0"
    assert _serve.busy_cpu_seconds(stat) == 170 / _serve.CLOCK_TICKS


def test_cpu_of_a_process_tree_includes_its_children():
    busy = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\nprint(flush=True)\ntime.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", busy], stdout=subprocess.PIPE)
    try:
        child.stdout.readline()  # its busy part is over
        with open("/proc/self/stat") as stat:
            own = _serve.stat_cpu_ticks(stat.read())[1] / _serve.CLOCK_TICKS
        child_cpu = _serve.process_tree_cpu_seconds(child.pid)
        assert child_cpu >= 0.25
        # Half a tick of slack: both sides are ticks / CLOCK_TICKS, and when neither process ran
        # meanwhile, 0.01 + 0.28 > 0.29 in floating point (this failed now and then).
        assert _serve.process_tree_cpu_seconds(os.getpid()) >= own + child_cpu - 0.5 / _serve.CLOCK_TICKS
    finally:
        child.kill()
        child.wait()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as gunicorn

    def do_GET(self):
        found = self.path == "/page/" and self.headers.get("X-Forwarded-Proto") == "https"
        body = b"x" * 1000 if found else b"no"
        self.send_response(200 if found else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def port():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_measure_counts_requests_errors_and_server_cpu(port):
    headers = {"X-Forwarded-Proto": "https"}
    found = _serve.measure(port, "/page/", 40, 4, headers, server_pid=os.getpid())
    assert found["errors"] == 0 and found["bytes"] == 1000
    assert found["rps"] > 0 and 0 < found["p50"] <= found["p95"]
    assert found["cpu_ms"] >= 0 and found["others"] >= 0
    assert _serve.measure(port, "/page/", 8, 2)["errors"] == 8  # without the proxy header
