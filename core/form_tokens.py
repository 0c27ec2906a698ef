"""Signed, time-stamped form tokens for public forms (complaints, forums).

A token is made when a form is shown and sent back with it. It cannot be forged
(signed with the secret key), says how long ago the form was shown (a reply within
a few seconds is a robot's), expires, and carries a random part, so its hash can
mark one submission as stored and a double click can never store it twice.
"""

import hashlib
import secrets
import time
from dataclasses import dataclass

from django.core import signing


class BadToken(Exception):
    """Missing, forged or expired."""


@dataclass(frozen=True)
class FormToken:
    value: str
    issued_at: float

    @property
    def hash(self):
        return hashlib.sha256(self.value.encode()).hexdigest()

    def seconds_old(self, now=None):
        return (now or time.time()) - self.issued_at


@dataclass(frozen=True)
class FormTokens:
    """The tokens of one app: its own salt, and its own maximum age (read when checked)."""

    salt: str
    max_age: object  # a callable returning seconds, so settings can change at run time

    def issue(self, now=None):
        """A new token for a form shown now (``now``: seconds since the epoch, for tests)."""
        return signing.dumps({"n": secrets.token_urlsafe(16), "t": now or time.time()}, salt=self.salt)

    def read(self, signed):
        try:
            data = signing.loads(signed or "", salt=self.salt, max_age=self.max_age())
            return FormToken(value=signed, issued_at=float(data["t"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
            raise BadToken from error
