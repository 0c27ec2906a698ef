"""Recording "Was this page helpful?": one rating per visitor, page and day.

A visitor is a keyed hash of their address and browser and the day; it is never
reversible and changes daily, so nobody can be followed from one day to the next.
A second rating the same day replaces the first (people change their mind, bots
repeat themselves) instead of counting twice. The thank-you page's link (core/signed_links.py)
may add a comment within an hour, once: the comment is the state the link is bound to.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import rate_limit
from core.signed_links import LinkError, SignedLink
from evaluation.masking import mask_personal_data
from evaluation.models import PageRating

RATED_PAGE_TYPES = ("cms.guidepage", "cms.regulationpage", "cms.topicpage", "agenda.eventpage")
THANKS_LINK = SignedLink("evaluation.rating", max_age=3600, state=lambda rating: rating.comment)


def visitor_key(request, day):
    material = (
        f"{day.isoformat()}|{rate_limit.client_address(request)}|{request.META.get('HTTP_USER_AGENT', '')}"
    )
    return hmac.new(settings.SECRET_KEY.encode(), material.encode(), hashlib.sha256).hexdigest()[:32]


def can_be_rated(page):
    return page.live and page.specific_class._meta.label_lower in RATED_PAGE_TYPES


def record(request, page, helpful, language):
    """Store (or replace today's) rating; returns it."""
    day = timezone.localdate()
    visitor = visitor_key(request, day)
    try:
        with transaction.atomic():
            rating, _created = PageRating.objects.update_or_create(
                page=page, visitor=visitor, day=day, defaults={"helpful": helpful, "language": language}
            )
    except IntegrityError:  # the same visitor's parallel request won: update it
        rating = PageRating.objects.get(page=page, visitor=visitor, day=day)
        rating.helpful = helpful
        rating.save(update_fields=["helpful"])
    return rating


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
