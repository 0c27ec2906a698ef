"""Error pages in the reader's language; the 500 page uses no database, which may be what failed."""

import logging
import sys

from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseBadRequest, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
API_PREFIX = "/api/"  # machine clients get JSON errors, not HTML pages


def bad_request(request, exception=None):
    """A request for a host the site does not serve gets a plain answer: the error page would
    ask for the host again (links, language switcher) and turn the 400 into a 500."""
    if isinstance(exception, DisallowedHost):
        return HttpResponseBadRequest("Bad request / Permintaan tidak valid", content_type="text/plain")
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """A form sent without its security token (open too long, cookies blocked, or sent from
    another site): a page in the reader's language, in the site's frame, that says nothing was
    saved and leads back to the page the form was on when that page is ours (CSRF_FAILURE_VIEW)."""
    referer = request.headers.get("referer", "")
    back = (
        referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()) else ""
    )
    return render(request, "403_csrf.html", {"back_url": back}, status=403)


def page_not_found(request, exception=None):
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return render(request, "404.html", status=404)


def server_error(request):
    """Render the error page without touching the database, which may be what failed.

    Django calls this while handling the exception, so ``sys.exc_info()`` still
    holds it. When the database cannot be reached (a restart, a failover), the
    reader gets 503 with Retry-After and a "try again in a moment" page instead
    of a generic error; nothing was saved, and the page says so. Connections are
    checked before reuse (``conn_health_checks``), so the site recovers by itself.
    """
    unavailable = isinstance(sys.exc_info()[1], (OperationalError, InterfaceError))
    template, status = ("503.html", 503) if unavailable else ("500.html", 500)
    if request.path_info.startswith(API_PREFIX):
        message = _("Temporarily unavailable; retry later.") if unavailable else _("Server error.")
        response = JsonResponse({"detail": message}, status=status)
    else:
        response = _error_page(request, template, status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _error_page(request, template, status):
    try:
        response = render(request, template, status=status)
    except Exception:  # the error page itself must never raise
        logger.exception("The error page could not be rendered")
        response = HttpResponseServerError("Server error / Kesalahan server", content_type="text/plain")
        response.status_code = status
    return response
