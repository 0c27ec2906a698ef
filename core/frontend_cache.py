"""Purging a CDN or caching proxy in front, with retries.

Wagtail's HTTP purge backend logs a failed purge and forgets it, so a page withdrawn
while the purge endpoint was down would stay in the edge cache until it expired.
``RetryingHTTPBackend`` (``FRONTEND_CACHE_PURGE_URL`` uses it, config/settings.py) keeps
each address it could not purge as a ``PendingPurge``; the scheduler's ``core.retry_purges``
job asks again every minute, through every configured backend, until it answers.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.db.models import F
from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from core.models import PendingPurge

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 5


class RetryingHTTPBackend(HTTPBackend):
    """Wagtail's HTTP purge (a PURGE request to the proxy, with the page's Host header),
    remembering what failed."""

    def purge(self, url):
        parsed = urlsplit(url)
        host = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        request = PurgeRequest(
            url=urlunsplit(
                [self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, parsed.fragment]
            ),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            urlopen(request, timeout=TIMEOUT_SECONDS)  # noqa: S310 - the scheme is the configured LOCATION's
        except (HTTPError, URLError, TimeoutError, OSError) as error:
            logger.warning("purge of %s failed, retried later: %s", url, error)
            remember(url, f"{type(error).__name__}: {error}")
            return
        PendingPurge.objects.filter(url=url).delete()


def remember(url, error):
    updated = PendingPurge.objects.filter(url=url).update(attempts=F("attempts") + 1, last_error=error[:2000])
    if not updated:
        PendingPurge.objects.get_or_create(url=url, defaults={"last_error": error[:2000]})


def retry_purges(limit=500):
    """The scheduler's job: purge again what failed; returns how many were asked for."""
    urls = list(PendingPurge.objects.order_by("created").values_list("url", flat=True)[:limit])
    if urls:
        batch = PurgeBatch()
        batch.add_urls(urls)
        batch.purge()
    return len(urls)
