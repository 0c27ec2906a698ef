"""Which endpoints the API has: the core's and those feature apps register."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Endpoint:
    prefix: str  # URL segment under /api/v1/, e.g. "guides"
    viewset: type
    basename: str


_endpoints: dict[str, Endpoint] = {}


def register_endpoint(prefix, viewset, basename=None):
    _endpoints[prefix] = Endpoint(prefix, viewset, basename or prefix)


def endpoints():
    return sorted(_endpoints.values(), key=lambda endpoint: endpoint.prefix)
