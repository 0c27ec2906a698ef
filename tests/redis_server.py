"""A throw-away Redis server for tests that need a real one (the ``redis_server`` fixture).

Debian's ``redis-server`` runs in a temporary folder, listening only on a Unix socket
(no port to collide with anything), with persistence off: no snapshots, no append-only
file, so nothing outlives the run. Tests may stop it mid-test to see how the site copes
with an outage, freeze it to see a hung server, and start it again on the same socket,
as an operator's restart would.
"""

import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import redis


def find_redis_server():
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )


class RedisServer:
    def __init__(self, binary):
        self.binary = binary
        self.folder = Path(tempfile.mkdtemp(prefix="sinergi-redis-"))
        self.socket = self.folder / "redis.sock"
        self.process = None

    @property
    def url(self):
        """The address in the form CACHE_URL takes."""
        return f"unix://{self.socket}?db=0"

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def start(self, seconds=10):
        self.process = subprocess.Popen(  # noqa: S603 - the machine's redis-server, no shell
            [
                self.binary,
                "--port",
                "0",
                "--unixsocket",
                str(self.socket),
                "--unixsocketperm",
                "700",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
                "--logfile",
                str(self.folder / "log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=1)
        deadline = time.monotonic() + seconds
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}: {self.log()}")
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"redis-server did not answer within {seconds} s") from None
                time.sleep(0.05)
        client.close()

    def stop(self):
        """Stops the server as a crash or an operator would; its contents are gone."""
        if self.running:
            self.process.kill()
            self.process.wait(10)

    def freeze(self):
        """The process stays, its socket accepts connections, nothing answers: a hung server."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def held_keys(self):
        """Every key the server holds (to see whether the site uses it)."""
        client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=1)
        try:
            return [key.decode() for key in client.keys("*")]
        finally:
            client.close()

    def log(self):
        path = self.folder / "log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def remove(self):
        if self.running:
            self.thaw()
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
