"""Sections the feature apps add to core pages (related questions, "Was this page helpful?").

cms/ may not import the feature apps, so each app returns a ``PageExtra`` from a
``register_page_extra`` Wagtail hook in its wagtail_hooks.py; the page templates end
with ``{% page_extras %}``, which
renders every extra that applies to the page, in order. An extra's ``context``
function decides in Python whether it shows (it returns None to stay hidden).
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOOK = "register_page_extra"


@dataclass(frozen=True)
class PageExtra:
    key: str
    template: str
    context: Callable  # context(request, page) -> dict, or None to show nothing
    page_types: tuple = ()  # model labels such as "cms.guidepage"; empty: every page
    order: int = 100


def extras_for(request, page):
    """[(template, context)] of the extras that apply to ``page``, in display order."""
    label = page._meta.label_lower
    shown = []
    registered = (register() for register in hooks.get_hooks(HOOK))
    for extra in sorted(registered, key=lambda extra: (extra.order, extra.key)):
        if extra.page_types and label not in extra.page_types:
            continue
        context = extra.context(request, page)
        if context is not None:
            shown.append((extra.template, context))
    return shown
