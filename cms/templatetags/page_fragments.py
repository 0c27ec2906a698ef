"""``{% page_fragment "name" %} ... {% endpage_fragment %}``: a part of a page that is the same
for every reader, kept in the "pages" cache.

Why: a page's lists (a topic's guides, the home page's topics and latest updates) and a guide's
article (its body, audiences, regulations and change notes) cost most of a page's time to build
(querysets, model instances, hundreds of template nodes), and the result is the same for
everyone who reads the page in that language. Rendering them once per publish instead of once
per request is what lets a page cost less than Wagtail's reference site without a whole-page
cache, which cannot hold pages with forms or sessions.

When the fragment is renewed:
- the key names the page, its last publication, the language and the host (page addresses are
  relative to the site), so a republished page never shows its old text, even from another
  process's cache;
- the "pages" cache it lives in is emptied by every publish, unpublish, move, view restriction
  and withdrawal, and by edits of the snippets pages show (core/page_cache.py), which renews
  lists of other pages and what a page quotes;
- after ``FRAGMENT_SECONDS`` at the latest with a shared cache (``CACHE_URL``), or after a
  minute without one (``core.cache.kept_for``): then each process keeps its own fragments and
  only the publishing process's are emptied, so another process's list (a topic's guides, the
  home page's latest updates) may show a withdrawn page for that long, never longer.

Never cached: previews and drafts (``request.is_preview``, a page not live or without a
publication), and a fragment that carries a CSRF token (a form is per reader). The fragment must
use only the page, the language and what every reader sees; what depends on the reader or on
the query string stays outside it.
"""

from django import template
from django.core.cache import caches
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.cache import kept_for

register = template.Library()

FRAGMENT_SECONDS = 3600
CSRF_FIELD = "csrfmiddlewaretoken"


def fragment_key(name, page, request):
    """The cache key of fragment ``name`` of ``page`` as ``request`` shows it, or None when
    this rendering must not be cached."""
    if request is None or getattr(request, "is_preview", False):
        return None
    if page is None or page.pk is None or not page.live or page.last_published_at is None:
        return None
    published = page.last_published_at.timestamp()
    return f"fragment:{name}:{page.pk}:{published}:{get_language()}:{request.get_host()}"


class PageFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        key = fragment_key(self.name.resolve(context), context.get("page"), context.get("request"))
        if key is None:
            return self.nodelist.render(context)
        cached = caches["pages"].get(key)
        if cached is not None:
            return mark_safe(cached)  # noqa: S308 - stored below from a rendered, autoescaped nodelist
        rendered = self.nodelist.render(context)
        if CSRF_FIELD not in rendered:
            caches["pages"].set(key, str(rendered), kept_for(FRAGMENT_SECONDS))
        return rendered


@register.tag("page_fragment")
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the fragment's name")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(parser.compile_filter(bits[1]), nodelist)
