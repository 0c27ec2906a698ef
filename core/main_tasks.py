"""The main tasks the home page offers (find a guide, search, events, ask, complain).

cms/ may not import the feature apps, so each app registers the task it provides
from its AppConfig.ready(); the home page shows whatever is registered, in order.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


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


_registry: dict[str, MainTask] = {}


def register_main_task(task):
    _registry[task.key] = task


def main_tasks():
    """Registered tasks whose page exists, in display order."""
    tasks = sorted(_registry.values(), key=lambda task: (task.order, task.key))
    return [(task, url) for task in tasks if (url := task.url())]
