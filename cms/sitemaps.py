"""sitemap.xml listing every public page once per language it exists in.

Untranslated pages are served in Indonesian with a notice; they are left out of
the other languages' entries so search engines do not index duplicates.
"""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")

    def get_languages_for_item(self, item):
        available = getattr(item, "available_languages", None)
        return available() if available else list(self._languages())

    def location(self, item):
        return item.get_url()

    def lastmod(self, item):
        return item.last_published_at
