"""The main tasks the home page offers (find a guide, search, events, ask, complain).

Neither core nor cms may import the feature apps, so each app returns the task it
provides from a ``register_main_task`` Wagtail hook in its wagtail_hooks.py; the home
page shows whatever is registered, in order.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from wagtail import hooks

HOOK = "register_main_task"


@dataclass(frozen=True)
class MainTask:
    key: str
    label: str  # a lazy translation
    description: str  # a lazy translation
    url_name: str | None = None  # reversed in the reader's language
    anchor: str | None = None  # a place on the home page itself
    order: int = 100

    def url(self):
        if self.anchor:
            return f"#{self.anchor}"
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


def main_tasks():
    """Registered tasks whose page exists, in display order."""
    registered = (register() for register in hooks.get_hooks(HOOK))
    tasks = sorted(registered, key=lambda task: (task.order, task.key))
    return [(task, url) for task in tasks if (url := task.url())]
