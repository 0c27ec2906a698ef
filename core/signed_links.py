"""Signed links and form tokens: the one helper every emailed link and public form uses.

Built on ``django.core.signing``: a token is JSON signed with the secret key, salted with
its *purpose* (so a token made for one purpose never opens another) and time-stamped (so
it can expire after a *max age*). Nothing is stored for a link.

**Single use without a table.** A link whose action changes an object names that object's
*state* (a short function of it: "confirmed or not", "answered or not"). The token carries a
keyed digest of the state at the time it was made; when the action has changed the state,
the digest no longer matches and the link is "used". A link whose object was deleted (an
unsubscribe) is "used" too. A link that only shows a page (the registrant's own page) may
name a revocation secret as its state instead: replacing the secret revokes every link.

**One error.** Every problem is a :class:`LinkError` with a reason (tampered, expired,
used); :func:`link_error_page` answers it with the one "This link no longer works" page,
status 400, in the reader's language, with a way forward chosen by the view.

**Form tokens** (:class:`FormTokens`) are signed links a form carries to itself: a random
value and the time the form was shown, with a max age and a minimum fill time (a form sent
back within seconds is a robot's). Their hash can mark one submission as stored.
"""

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.shortcuts import render
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from core.cache import shared_cache_down


class LinkError(Exception):
    """A link or form token that cannot be used; ``reason`` says why."""

    TAMPERED = "tampered"  # not ours: changed, cut short, or made for another purpose
    EXPIRED = "expired"  # older than its max age
    USED = "used"  # its action was done already, or its object no longer exists

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class _DatedSigner(signing.TimestampSigner):
    """Django's signer, dated ``at`` (seconds since the epoch) instead of now: for tests of expiry."""

    def __init__(self, *args, at=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.at = at

    def timestamp(self):
        return super().timestamp() if self.at is None else signing.b62_encode(int(self.at))


def _seconds(max_age):
    """A max age given as seconds, a timedelta, a function returning either (read when checked,
    so settings can change it at run time), or None (never expires)."""
    return max_age() if callable(max_age) else max_age


@dataclass(frozen=True)
class SignedLink:
    """One kind of link: its purpose, max age and, for single-use links, the state it binds to."""

    purpose: str
    max_age: object = None
    state: Callable[[object], object] | None = None

    def _digest(self, obj):
        return salted_hmac(f"{self.purpose}.state", str(self.state(obj))).hexdigest()[:16]

    def make(self, value, obj=None, *, now=None):
        """A token for ``value`` (JSON: usually a primary key). A single-use link also needs
        ``obj``, the object its action changes. ``now`` dates the token (for tests)."""
        payload = {"v": value}
        if self.state is not None:
            payload["s"] = self._digest(obj)
        return _DatedSigner(salt=self.purpose, at=now).sign_object(payload, compress=True)

    def _payload(self, token):
        try:
            payload = signing.loads(token or "", salt=self.purpose, max_age=_seconds(self.max_age))
        except signing.SignatureExpired as error:
            raise LinkError(LinkError.EXPIRED) from error
        except (signing.BadSignature, ValueError) as error:
            raise LinkError(LinkError.TAMPERED) from error
        if not isinstance(payload, dict) or "v" not in payload:
            raise LinkError(LinkError.TAMPERED)
        return payload

    def read(self, token):
        """The value a token was made for; LinkError when it is not ours or too old."""
        return self._payload(token)["v"]

    def open(self, token, load):
        """The object the link is for: ``load(value)`` returns it, or None when it is gone.

        Raises LinkError: tampered or expired; used when the object is gone or (single-use
        links) its state is no longer the one the link was made for.
        """
        payload = self._payload(token)
        obj = load(payload["v"])
        if obj is None:
            raise LinkError(LinkError.USED)
        if self.state is not None and not constant_time_compare(payload.get("s", ""), self._digest(obj)):
            raise LinkError(LinkError.USED)
        return obj


@dataclass(frozen=True)
class FormToken:
    value: str
    issued_at: float
    too_fast: bool  # sent back sooner than the minimum fill time

    @property
    def hash(self):
        """Stored with what the form created, so the same form sent twice creates it once."""
        return hashlib.sha256(self.value.encode()).hexdigest()


@dataclass(frozen=True)
class FormTokens:
    """The tokens of one form: purpose, max age and minimum fill time (functions returning
    seconds, read when checked, so settings can change at run time)."""

    purpose: str
    max_age: Callable[[], float]
    min_fill: Callable[[], float]

    @property
    def _link(self):
        return SignedLink(self.purpose, self.max_age)

    def issue(self, now=None):
        """A new token for a form shown ``now`` (seconds since the epoch; for tests)."""
        now = now or time.time()
        return self._link.make({"n": secrets.token_urlsafe(16), "t": now}, now=now)

    def read(self, signed, now=None):
        """The token sent back with a form; LinkError (tampered, expired) when it is not usable."""
        value = self._link.read(signed)
        try:
            issued_at = float(value["t"])
        except (KeyError, TypeError, ValueError) as error:
            raise LinkError(LinkError.TAMPERED) from error
        too_fast = (now or time.time()) - issued_at < self.min_fill()
        return FormToken(value=signed, issued_at=issued_at, too_fast=too_fast)

    def spend(self, token):
        """True the first time ``token`` is spent, False after: a robot that fetched one form
        cannot post many times with its token. Spent tokens are kept in the shared cache for
        the token's lifetime; while that cache is down, spending is not refused (the rate
        limits still count, per process)."""
        key = f"form-token:{self.purpose}:{token.hash}"
        return cache.add(key, 1, timeout=int(self.max_age()) + 60) or shared_cache_down()


EXPLANATIONS = {
    LinkError.TAMPERED: _(
        "The link is incomplete or was changed. Copy the whole address from the email, "
        "or use the link in the newest email we sent you."
    ),
    LinkError.EXPIRED: _("The link is too old: links like this one work for a limited time only."),
    LinkError.USED: _("The link has been used already, or what it was for no longer exists."),
}


def link_error_page(request, error, *, next_url, next_label, advice=""):
    """The one "This link no longer works" page (status 400): what went wrong, that nothing
    was changed, and a way forward (``advice``, and a link to ``next_url``)."""
    context = {
        "explanation": EXPLANATIONS[error.reason],
        "advice": advice,
        "next_url": next_url,
        "next_label": next_label,
    }
    return render(request, "core/link_error.html", context, status=400)
