"""Which endpoints the API has: the core's and the feature apps'.

Each app returns its ``Endpoint``s from a ``register_api_endpoint`` Wagtail hook in its
wagtail_hooks.py (cms/wagtail_hooks.py for the core's own), so cms imports no feature app.
"""

from dataclasses import dataclass

from wagtail import hooks

HOOK = "register_api_endpoint"


@dataclass(frozen=True)
class Endpoint:
    prefix: str  # URL segment under /api/v1/, e.g. "guides"; also the base of its route names
    viewset: type


def endpoints():
    registered = (register() for register in hooks.get_hooks(HOOK))
    return sorted(registered, key=lambda endpoint: endpoint.prefix)
