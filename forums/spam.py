"""Abuse rules without a captcha: what makes a post refused, and what makes it wait for review.

Refused (the person sees why and keeps the draft): too many links for a new
member, the same text posted again recently. Held for a moderator: a member's
first posts, more links than anyone may post, phrases spammers use.
"""

import hashlib
import re
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums import conf
from forums.models import Post, PostState
from forums.rendering import link_count

# Lower-case phrases that mark advertising in this service's forums (buying visas, fixers).
SPAM_PHRASES = (
    "casino",
    "viagra",
    "crypto investment",
    "guaranteed visa",
    "visa guaranteed",
    "jual visa",
    "jasa calo",
    "loan offer",
)
HOLD_FIRST_POSTS = "first_posts"
HOLD_LINKS = "links"
HOLD_PHRASES = "phrases"
HOLD_REASONS = {
    HOLD_FIRST_POSTS: _("first posts of a new member"),
    HOLD_LINKS: _("many links"),
    HOLD_PHRASES: _("words often used in spam"),
    "flags": _("reported by readers"),
}


def body_hash(text):
    """The same words with other spacing or capitals are the same text."""
    normalised = " ".join((text or "").lower().split())
    return hashlib.sha256(normalised.encode()).hexdigest()


def is_new_member(member, now=None):
    return member.joined_at > (now or timezone.now()) - timedelta(days=conf.get("NEW_MEMBER_DAYS"))


def refusal(member, text, now=None):
    """Why the post cannot be accepted (a message for the form), or None."""
    now = now or timezone.now()
    links = link_count(text)
    limit = conf.get("NEW_MEMBER_MAX_LINKS")
    if is_new_member(member, now) and links > limit:
        return _(
            "New members can include at most %(limit)s link(s) in a post. Please remove some links "
            "or write the address without http."
        ) % {"limit": limit}
    window = now - timedelta(seconds=conf.get("DUPLICATE_WINDOW"))
    if (
        Post.objects.filter(author=member, body_hash=body_hash(text), created_at__gte=window)
        .exclude(state=PostState.DELETED)
        .exists()
    ):
        return _("You have already posted this text. Please do not post the same thing twice.")
    return None


def hold_reason(member, text, official=False):
    """Why the post must wait for a moderator ("" when it can be shown at once)."""
    if official:
        return ""
    approved = Post.objects.filter(author=member, state=PostState.APPROVED).count()
    if approved < conf.get("FIRST_POSTS_HELD"):
        return HOLD_FIRST_POSTS
    if link_count(text) > conf.get("MAX_LINKS"):
        return HOLD_LINKS
    lowered = " ".join(text.lower().split())
    if any(phrase in lowered for phrase in SPAM_PHRASES) or re.search(r"(.)\1{15,}", lowered):
        return HOLD_PHRASES
    return ""
