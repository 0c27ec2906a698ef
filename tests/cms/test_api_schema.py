"""The OpenAPI schema itself, as the same generator that serves /api/v1/openapi.json
builds it (the requests generated from it are in test_api_generated_requests.py)."""

from drf_spectacular.generators import SchemaGenerator

from cms.api.urls import documented


def test_every_parameter_is_described():
    """A client writer reads the parameters' descriptions; a filter without one
    (as when a schema override drops its help text) is caught here."""
    schema = SchemaGenerator(patterns=documented).get_schema(request=None, public=True)
    undescribed = [
        f"{method.upper()} {path} {parameter['name']}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert undescribed == []
