"""Sections the feature apps add to core pages (related questions, "Was this page helpful?").

cms/ may not import the feature apps, so each app registers a ``PageExtra`` from
its AppConfig.ready(); the page templates end with ``{% page_extras %}``, which
renders every extra that applies to the page, in order. An extra's ``context``
function decides in Python whether it shows (it returns None to stay hidden).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PageExtra:
    key: str
    template: str
    context: Callable  # context(request, page) -> dict, or None to show nothing
    page_types: tuple = ()  # model labels such as "cms.guidepage"; empty: every page
    order: int = 100


_registry: dict[str, PageExtra] = {}


def register_page_extra(extra):
    _registry[extra.key] = extra


def extras_for(request, page):
    """[(template, context)] of the extras that apply to ``page``, in display order."""
    label = page._meta.label_lower
    shown = []
    for extra in sorted(_registry.values(), key=lambda extra: (extra.order, extra.key)):
        if extra.page_types and label not in extra.page_types:
            continue
        context = extra.context(request, page)
        if context is not None:
            shown.append((extra.template, context))
    return shown
