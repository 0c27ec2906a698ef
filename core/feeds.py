"""Atom feeds whose summaries are plain text.

Django's Atom feed marks every summary ``type="html"``, so a feed reader renders it as
markup. Summaries here are plain text (a post's words, a change note): declared as such,
a payload such as ``<img src=x onerror=...>`` is shown as the characters it is, and
"a < b" reads as written.
"""

from django.utils.feedgenerator import Atom1Feed


class PlainTextAtom1Feed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
