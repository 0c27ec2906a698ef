"""Demo content from the feature apps.

cms/ may not import the feature apps, so each app returns a ``DemoExtension`` from a
``register_demo_content`` Wagtail hook in its wagtail_hooks.py; ``load_demo`` runs the
core loader first, then these, in order.
A loader takes ``progress`` (a callable for messages, or None) and must be
idempotent like the core loader: running it again creates nothing new.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOOK = "register_demo_content"


@dataclass(frozen=True)
class DemoExtension:
    key: str
    load: Callable  # load(progress) -> number of items created
    order: int = 100


def demo_extensions():
    registered = (register() for register in hooks.get_hooks(HOOK))
    return sorted(registered, key=lambda extension: (extension.order, extension.key))
