"""Template tags for the shared page frame: language links, navigation, footer.

The decisions (which languages a page exists in, which pages appear in menus)
are made here in Python, so templates only lay them out.
"""

import json
import re

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from cms.models import OfficeIndexPage, StandardPage, TopicPage
from cms.places import SERVICES
from core.cache import kept_for
from core.page_extras import extras_for

register = template.Library()

MENU_SECONDS = 3600

JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# An amount, a phone number, a date or a code as people write them: "Rp 1.500.000",
# "+62 21 1500 099", "17-08-2025", "Perdim 11/2024". Spaces inside count as part of it.
NUMBER = re.compile(r"(?:Rp\.?\s?|US\$\s?)?\+?\d(?:[\d.,:/\-]|\s(?=\d))*\d")


@register.filter
def numbers_whole(text):
    """The text, escaped, with each number in a span that never breaks across lines
    (``.number`` in sinergi.css): a fee read as "Rp" on one line and "1.500.000" on the
    next, or split inside, can be misread."""
    escaped = str(conditional_escape(text))
    return mark_safe(NUMBER.sub(lambda match: f'<span class="number">{match.group(0)}</span>', escaped))  # noqa: S308 - escaped above; numbers hold no markup


@register.simple_tag
def office_finder(service=""):
    """Where the office finder is, narrowed to ``service`` if given, with the service's
    name: ``{"url": ..., "service": ...}``, or None when the site has no finder."""
    url = OfficeIndexPage.finder_url(service)
    return {"url": url, "service": dict(SERVICES).get(service, "")} if url else None


@register.simple_tag
def json_ld(data):
    """Structured data (schema.org) as a JSON-LD block. Escaped like Django's json_script:
    ``<``, ``>`` and ``&`` become \\u escapes, so no text an editor typed can close the
    element. Browsers never run it: CSP's script-src does not apply to data blocks."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _translated_url(request, path, code):
    """``translate_url(path, code)``, worked out once per request: the language switcher and
    the hreflang links ask for the same addresses, and each costs a resolve and a reverse."""
    if request is None:
        return translate_url(path, code)
    known = request.__dict__.setdefault("_sinergi_translated_urls", {})
    if (path, code) not in known:
        known[path, code] = translate_url(path, code)
    return known[path, code]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to the same page; says whether a translation exists.

    On a page outside the tree (404, search) every language counts as available. A view may
    give the address the links keep (``this_address``): the search page gives the search as it
    ran, not a query of thousands of words cut to 512 characters.
    """
    request = context.get("request")
    path = context.get("this_address") or (request.get_full_path() if request else "/")
    available = context.get("available_languages")
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": _translated_url(request, path, code),
            "current": code == current,
            "available": available is None or code in available,
        }
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """Alternate URLs for <link rel="alternate" hreflang>, only for existing translations."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return []
    path = request.path
    codes = context.get("available_languages") or [settings.LANGUAGE_CODE]
    links = [
        {"hreflang": code, "url": request.build_absolute_uri(_translated_url(request, path, code))}
        for code in codes
    ]
    links.append(
        {
            "hreflang": "x-default",
            "url": request.build_absolute_uri(_translated_url(request, path, settings.LANGUAGE_CODE)),
        }
    )
    return links


def _menu_pages(context):
    """The home page's public children marked "show in menus", once per request.

    Plain Page objects (not .specific()) are enough for a title (in every language) and a
    URL and save a query per page type; the content type tells topics (main menu) from
    plain pages (footer). Every page shows them, so they are kept in the "pages" cache,
    which every publish, unpublish, move, view restriction and withdrawal empties
    (core/page_cache.py).
    """
    request = context.get("request")
    cached = getattr(request, "_sinergi_menu_pages", None)
    if cached is not None:
        return cached
    root = _site_root(request)
    pages = []
    if root is not None:
        key = f"menu-pages:{root.pk}"
        pages = caches["pages"].get(key)
        if pages is None:
            pages = list(root.get_children().live().public().in_menu())
            caches["pages"].set(key, pages, kept_for(MENU_SECONDS))
    if request is not None:
        request._sinergi_menu_pages = pages
    return pages


def _of_type(pages, model):
    content_type = ContentType.objects.get_for_model(model)
    return [page for page in pages if page.content_type_id == content_type.pk]


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """Topics shown in the menu, each marked current when the reader is inside it."""
    page = context.get("page")
    return [
        {"page": topic, "current": bool(page and page.path.startswith(topic.path))}
        for topic in _of_type(_menu_pages(context), TopicPage)
    ]


@register.simple_tag(takes_context=True)
def footer_pages(context):
    return _of_type(_menu_pages(context), StandardPage)


@register.simple_tag(takes_context=True)
def home_url(context):
    root = _site_root(context.get("request"))
    return root.get_url(request=context.get("request")) if root else "/"


@register.simple_tag(takes_context=True)
def page_extras(context):
    """Render the sections feature apps add to this page (core/page_extras.py)."""
    request, page = context.get("request"), context.get("page")
    if page is None:
        return ""
    parts = [
        render_to_string(template, {**extra_context, "page": page}, request=request)
        for template, extra_context in extras_for(request, page)
    ]
    return mark_safe("".join(parts))  # noqa: S308 - each part is a rendered, autoescaped template
