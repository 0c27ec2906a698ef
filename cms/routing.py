"""Find the page an address names in one query, instead of one per level of the tree.

Wagtail routes ``/visa/visa-kunjungan/`` by asking the home page for its child "visa"
(a query), loading that child's specific page (another), asking it for its child, and so
on: four queries for a guide before anything is rendered. Slugs are not translated here
(``WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False``), so a page's ``url_path`` is the
home page's followed by the slugs, and every page along an address can be read at once.

The walk is followed exactly: a page that routes its own sub-addresses
(``RoutablePageMixin``: events, regulations' feeds, registration links) is given the
rest of the address, as Wagtail would give it, before any child with that slug; the last
page found routes what is left (nothing for a plain page, which then answers if live).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def route(home, request, path_components):
    """What ``home.route(request, path_components)`` would answer, in two queries."""
    prefixes = [
        home.url_path + "/".join(path_components[:depth]) + "/"
        for depth in range(1, len(path_components) + 1)
    ]
    along = {
        row["url_path"]: row
        for row in Page.objects.filter(url_path__in=prefixes).values("id", "url_path", "content_type_id")
    }
    found, consumed = None, 0
    for depth, prefix in enumerate(prefixes, start=1):
        row = along.get(prefix)
        if row is None:
            break
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        if model is None:  # a page type whose code is gone: Wagtail's own walk decides
            return None
        found, consumed = (row, model), depth
        if issubclass(model, RoutablePageMixin):
            break  # it may claim the rest of the address before its children
    if found is None:
        return None
    row, model = found
    page = model.objects.get(pk=row["id"])
    return page.route(request, path_components[consumed:])
