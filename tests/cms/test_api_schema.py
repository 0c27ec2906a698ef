"""The OpenAPI schema itself, as the same generator that serves /api/v1/openapi.json
builds it (the requests generated from it are in test_api_generated_requests.py)."""

from cms.api.urls import public_schema


def test_every_parameter_is_described():
    """A client writer reads the parameters' descriptions; a filter without one
    (as when a schema override drops its help text) is caught here."""
    schema = public_schema()
    undescribed = [
        f"{method.upper()} {path} {parameter['name']}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert undescribed == []


def test_the_schema_checked_is_the_schema_served(client):
    """The tests read ``public_schema()``; clients read /api/v1/openapi.json. They must not drift
    apart (a view with other patterns, or another language, would describe other endpoints)."""
    response = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert response.json() == public_schema()
