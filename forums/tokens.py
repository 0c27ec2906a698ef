"""Signed links for one-click unsubscribe from forum emails.

``follow:<pk>`` stops a follow of a thread or board; ``replies:<member pk>``
stops the emails about replies to one's own threads. Signed, not stored: a link
cannot be guessed or changed to unsubscribe someone else.
"""

from django.core import signing

SALT = "forums.unsubscribe"


class BadToken(Exception):
    pass


def make(kind, pk):
    return signing.dumps({"k": kind, "p": pk}, salt=SALT)


def read(token):
    try:
        data = signing.loads(token, salt=SALT)
        if data["k"] not in ("follow", "replies"):
            raise BadToken
        return data["k"], int(data["p"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadToken from error
