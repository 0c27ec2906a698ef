"""Fixtures for the platform tests: a real Redis server for the cache tests.

Without ``redis-server`` (Debian: apt-get install redis-server) the tests that need it
are skipped with the reason, except under CI=true, where a missing server is a failure.
"""

import os

import pytest

from tests.redis_server import RedisServer, find_redis_server


@pytest.fixture(scope="session")
def redis_server():
    binary = find_redis_server()
    if binary is None:
        reason = "no redis-server for the cache tests (Debian: apt-get install redis-server)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason} (required in CI)")
        pytest.skip(reason)
    server = RedisServer(binary)
    server.start()
    yield server
    server.remove()
