"""Recording "Was this page helpful?": one rating per page, browser-and-network and day.

A visitor is a keyed hash of their network (the address's /24, or /64 for IPv6), their
browser and the day; it is never reversible and changes daily, so nobody can be followed
from one day to the next. A second rating the same day replaces the first (people change
their mind, bots repeat themselves) instead of counting twice. Changing the browser name
makes a new visitor, so each rating also keeps a daily hash of the network alone: when
more than ``RATINGS_PER_NETWORK_PAGE_DAY`` visitors from one network rate one page in a
day, all of them are flagged as a burst. Flagged ratings stay for editors (shown apart)
and are left out of the public figures. Rating forms carry no CSRF token (the pages stay
cacheable), so a cross-site POST is refused from its ``Origin`` and ``Sec-Fetch-Site``
headers, which browsers set and pages cannot change. The thank-you page's link
(core/signed_links.py) may add a comment within an hour, once: the comment is the state
the link is bound to.
"""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import rate_limit
from core.signed_links import LinkError, SignedLink
from evaluation import conf
from evaluation.masking import mask_personal_data
from evaluation.models import PageRating

# A smart answer is rated on its outcome, the only step that shows page extras.
RATED_PAGE_TYPES = (
    "cms.guidepage",
    "cms.regulationpage",
    "cms.topicpage",
    "agenda.eventpage",
    "cms.smartanswerpage",
)
THANKS_LINK = SignedLink("evaluation.rating", max_age=3600, state=lambda rating: rating.comment)


SAFE_FETCH_SITES = ("same-origin", "none")  # "none": typed or bookmarked, not another page


def network(address):
    """The /24 (IPv4) or /64 (IPv6) an address is in: one household, office or phone."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    return str(ipaddress.ip_network(f"{ip}/{24 if ip.version == 4 else 64}", strict=False))


def _daily_hash(day, *parts):
    material = "|".join((day.isoformat(), *parts))
    return hmac.new(settings.SECRET_KEY.encode(), material.encode(), hashlib.sha256).hexdigest()[:32]


def visitor_key(request, day):
    return _daily_hash(
        day, network(rate_limit.client_address(request)), request.META.get("HTTP_USER_AGENT", "")
    )


def network_key(request, day):
    return _daily_hash(day, "network", network(rate_limit.client_address(request)))


def cross_site(request):
    """True when another site's page sent this POST (a browser says so; no cookie needed)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in SAFE_FETCH_SITES:
        return True
    origin = request.headers.get("Origin")
    return origin is not None and origin != f"{request.scheme}://{request.get_host()}"


def can_be_rated(page):
    return page.live and page.specific_class._meta.label_lower in RATED_PAGE_TYPES


def record(request, page, helpful, language):
    """Store (or replace today's) rating; returns it."""
    day = timezone.localdate()
    visitor = visitor_key(request, day)
    from_network = network_key(request, day)
    try:
        with transaction.atomic():
            rating, _created = PageRating.objects.update_or_create(
                page=page,
                visitor=visitor,
                day=day,
                defaults={"helpful": helpful, "language": language, "network": from_network},
            )
    except IntegrityError:  # the same visitor's parallel request won: update it
        rating = PageRating.objects.get(page=page, visitor=visitor, day=day)
        rating.helpful = helpful
        rating.save(update_fields=["helpful"])
    _flag_burst(page, from_network, day)
    rating.refresh_from_db(fields=["flagged"])
    return rating


def _flag_burst(page, from_network, day):
    """Flag every rating of ``page`` from one network today once there are too many."""
    same = PageRating.objects.filter(page=page, network=from_network, day=day)
    if same.count() > conf.get("RATINGS_PER_NETWORK_PAGE_DAY"):
        same.filter(flagged=False).update(flagged=True)


def token_for(rating):
    return THANKS_LINK.make(rating.pk, rating)


def rating_from_token(token, page):
    """The rating of ``page`` a thank-you link may add a comment to; LinkError when it cannot."""

    def load(pk):
        rating = PageRating.objects.filter(pk=pk).first()
        if rating is not None and rating.page_id != page.pk:
            raise LinkError(LinkError.TAMPERED)  # the page in the address was changed
        return rating

    return THANKS_LINK.open(token, load)


def add_comment(rating, text):
    """Add the comment, once: only if the rating still has the comment the link was opened with."""
    comment = mask_personal_data(text.strip())[:1000]
    if not PageRating.objects.filter(pk=rating.pk, comment=rating.comment).update(comment=comment):
        raise LinkError(LinkError.USED)  # a second copy of the form that arrived at the same time
    rating.comment = comment
    return rating
