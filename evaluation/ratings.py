"""Recording "Was this page helpful?": one rating per visitor, page and day.

A visitor is a keyed hash of their address and browser and the day; it is never
reversible and changes daily, so nobody can be followed from one day to the next.
A second rating the same day replaces the first (people change their mind, bots
repeat themselves) instead of counting twice.
"""

import hashlib
import hmac

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import rate_limit
from evaluation.masking import mask_personal_data
from evaluation.models import PageRating

RATED_PAGE_TYPES = ("cms.guidepage", "cms.regulationpage", "cms.topicpage", "agenda.eventpage")
SIGNING_SALT = "evaluation.rating"


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
    return signing.dumps(rating.pk, salt=SIGNING_SALT)


def rating_from_token(token, max_age=3600):
    """The rating a thank-you page may add a comment to, within an hour; else None."""
    try:
        return PageRating.objects.get(pk=signing.loads(token, salt=SIGNING_SALT, max_age=max_age))
    except (signing.BadSignature, PageRating.DoesNotExist, TypeError):
        return None


def add_comment(rating, text):
    rating.comment = mask_personal_data(text.strip())[:1000]
    rating.save(update_fields=["comment"])
    return rating
