"""In production every process logs JSON lines: gunicorn's own lines and its one line per
request too, and the scheduler's report of each job (they were plain text beside the site's
JSON)."""

import io
import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

from core.request_log import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_gunicorn_logs_json_lines_with_the_request_fields(tmp_path):
    port = free_port()
    environment = dict(
        os.environ, SINERGI_VAR_DIR=str(tmp_path), GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="1"
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310 - loopback
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    lines = [json.loads(line) for line in output.splitlines() if line.strip()]  # every line is JSON
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert access[-1]["path"] == "/healthz" and access[-1]["status"] == 200
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in lines)


def test_the_scheduler_logs_json_lines_in_production(settings, caplog, db):
    """run_periodic printed plain lines beside the JSON logs of every other process."""
    settings.LOG_FORMAT = "json"
    with caplog.at_level(logging.INFO, logger="core.management.commands.run_periodic"):
        call_command("run_periodic", "--force", "core.send_emails", stdout=io.StringIO())
    (record,) = [record for record in caplog.records if record.name.endswith("run_periodic")]
    line = json.loads(JsonFormatter().format(record))
    assert line["job"] == "core.send_emails" and line["ok"] is True and "seconds" in line
