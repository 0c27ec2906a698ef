"""Demo content from the feature apps.

cms/ may not import the feature apps, so each app registers a loader from its
AppConfig.ready(); ``load_demo`` runs the core loader first, then these, in order.
A loader takes ``progress`` (a callable for messages, or None) and must be
idempotent like the core loader: running it again creates nothing new.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoExtension:
    key: str
    load: Callable  # load(progress) -> number of items created
    order: int = 100


_registry: dict[str, DemoExtension] = {}


def register_demo(extension):
    _registry[extension.key] = extension


def demo_extensions():
    return sorted(_registry.values(), key=lambda extension: (extension.order, extension.key))
