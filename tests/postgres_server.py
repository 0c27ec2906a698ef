"""A throw-away PostgreSQL server for the test run (pytest plugin).

With ``TEST_DATABASE=postgres`` and no ``DATABASE_URL``, this starts a private
PostgreSQL server from the machine's binaries (``initdb``/``pg_ctl``) in a
temporary folder, listening only on a Unix socket, points ``DATABASE_URL`` at it
before Django reads its settings, and stops and removes it when the run ends.
It must run before pytest-django loads settings, hence ``tryfirst`` on the
earliest hook pytest offers to plugins.

PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` system user (created by Debian's postgresql package).
"""

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from core.pg_tools import find_binary

_server = None


class PostgresServer:
    def __init__(self):
        self.initdb = find_binary("initdb")
        self.pg_ctl = find_binary("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise RuntimeError(
                "TEST_DATABASE=postgres needs PostgreSQL's initdb and pg_ctl "
                "(Debian: apt-get install postgresql), or a DATABASE_URL."
            )
        self.folder = Path(tempfile.mkdtemp(prefix="sinergi-pg-"))
        self.data = self.folder / "data"
        self.user = None
        if os.geteuid() == 0:
            self.user = pwd.getpwnam("postgres")
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)

    def run(self, *command):
        def demote():
            os.setgid(self.user.pw_gid)
            os.setuid(self.user.pw_uid)

        subprocess.run(  # noqa: S603 - fixed binaries found above, no shell
            command,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=demote if self.user else None,
            cwd=self.folder,
        )

    def start(self):
        self.run(
            self.initdb,
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = (
            f"-k {self.folder} -c listen_addresses='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        )
        log = str(self.folder / "log")
        self.run(self.pg_ctl, "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        return f"postgres://postgres@/postgres?host={self.folder}"

    def stop(self):
        try:
            self.run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    global _server
    if os.environ.get("TEST_DATABASE") != "postgres" or os.environ.get("DATABASE_URL"):
        return
    _server = PostgresServer()
    os.environ["DATABASE_URL"] = _server.start()


def pytest_report_header(config):
    url = os.environ.get("DATABASE_URL")
    return f"database: {'PostgreSQL' if url and url.startswith('postgres') else 'SQLite'}"


def pytest_unconfigure(config):
    global _server
    if _server is not None:
        _server.stop()
        _server = None
