"""Views outside the page tree: robots.txt and the favicon."""

from django.conf import settings
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.WAGTAILADMIN_PATH}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page says; without it every first visit
    logged a 404. The icon itself is a static file (fingerprinted in production)."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("icons/favicon.ico")
