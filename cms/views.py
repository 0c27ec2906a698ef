"""Views outside the page tree: robots.txt and error pages in the reader's language."""

import logging

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    from django.conf import settings

    lines = [
        "User-agent: *",
        f"Disallow: /{settings.WAGTAILADMIN_PATH}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Render the 500 page without touching the database, which may be what failed."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the error page itself must never raise
        logger.exception("The 500 page could not be rendered")
        return HttpResponseServerError("Server error / Kesalahan server", content_type="text/plain")
