"""``/healthz`` answered before anything else looks at the request.

A container healthcheck or load balancer probes the process by its own address
(``http://127.0.0.1:8000/healthz``), which is not one of the site's ``ALLOWED_HOSTS``
and not HTTPS. Answering here, first in the middleware chain, means the probe needs
neither the public host name nor the TLS redirect, and says only that the process
answers: nothing the caller sent is read. ``/readyz`` (what the process depends on)
stays an ordinary view behind host validation (core/health.py).
"""

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

PATH = "/healthz"


class LivenessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            response = JsonResponse({"status": "ok"})
            add_never_cache_headers(response)
            return response
        return self.get_response(request)
