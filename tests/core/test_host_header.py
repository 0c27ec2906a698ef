"""A request for a host the site does not serve gets a plain 400, never a 500 (a wrong Host
header is a client's or a prober's mistake, and the error page must not ask for the host
again while rendering)."""

import pytest

PATHS = ["/", "/id/", "/en/", "/ar/", "/zh-hans/", "/en/search/?q=visa", "/api/v1/guides/", "/nowhere"]


@pytest.mark.parametrize("path", PATHS)
def test_an_unknown_host_gets_a_plain_400(client, path):
    response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert b"evil.example" not in response.content  # nothing the caller sent is echoed


def test_an_allowed_host_is_served(client):
    assert client.get("/healthz", HTTP_HOST="localhost").status_code == 200


def test_the_container_healthcheck_passes_in_production(client, settings):
    """compose.yaml probes http://127.0.0.1:8000/healthz: not an allowed host, not HTTPS."""
    settings.ALLOWED_HOSTS = ["sinergi.example.go.id"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert client.get("/ar/", HTTP_HOST="127.0.0.1:8000").status_code == 400
