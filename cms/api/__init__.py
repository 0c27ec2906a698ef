"""The public, read-only JSON API (``/api/v1/``) with its OpenAPI schema.

The core provides the common behaviour (language, pagination, caching, rate
limit, no personal data) and the endpoints for its own content; feature apps add
theirs with the ``register_api_endpoint`` Wagtail hook (cms/api/endpoints.py), so
the core never imports them.
"""
