"""The filing form's one-time token: signed, time-stamped, stored (hashed) with the complaint.

The token is made when the form is shown and sent back with it. It proves when the
form was shown (a reply within ``MIN_FILL_SECONDS`` is a robot) and, because its
hash is unique on the complaint, the same form sent twice (a double click, a
reload) can never be stored twice.
"""

import hashlib
import secrets
import time
from dataclasses import dataclass

from django.core import signing

from complaints import conf

SALT = "complaints.form-token"


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


def issue(now=None):
    """A new signed token for a form shown now (``now``: seconds since the epoch, for tests)."""
    return signing.dumps({"n": secrets.token_urlsafe(16), "t": now or time.time()}, salt=SALT)


def read(signed):
    try:
        data = signing.loads(signed or "", salt=SALT, max_age=conf.get("FORM_MAX_AGE_SECONDS"))
        return FormToken(value=signed, issued_at=float(data["t"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadToken from error
