"""A signed time stamp in every posting form: a form sent back too fast is a robot's.

The token is made when the form is shown; it cannot be forged (signed with the
secret key) and expires after ``FORM_MAX_AGE_SECONDS``, after which the person
is asked to send the form again, with what they typed kept.
"""

import time

from django.core import signing

from forums import conf

SALT = "forums.form-token"


class BadToken(Exception):
    """Missing, forged or expired."""


def issue(now=None):
    return signing.dumps({"t": now or time.time()}, salt=SALT)


def seconds_old(signed, now=None):
    """Seconds since the form was shown; BadToken when the token is not ours or too old."""
    try:
        data = signing.loads(signed or "", salt=SALT, max_age=conf.get("FORM_MAX_AGE_SECONDS"))
        return (now or time.time()) - float(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadToken from error
