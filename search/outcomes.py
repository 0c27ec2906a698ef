"""What readers searched for and which result they opened, told to whoever listens.

search/ keeps no log of its own: it sends these signals, and the evaluation app
records them (evaluation/search_log.py) to show editors what people could not
find. Receivers are called with ``send_robust``, so a broken receiver never
breaks a search.
"""

import logging
import re
import secrets

from django.dispatch import Signal

logger = logging.getLogger(__name__)

# search_id, text, language, total, request: sent for the first page of every search.
search_performed = Signal()
# search_id, position: sent when a reader opens a result (the link's ping).
result_clicked = Signal()

SEARCH_ID = re.compile(r"^[A-Za-z0-9_-]{8,32}$")


def new_search_id():
    return secrets.token_urlsafe(12)


def announce(signal, **kwargs):
    for receiver, outcome in signal.send_robust(sender=None, **kwargs):
        if isinstance(outcome, Exception):
            logger.warning("search outcome receiver %s failed: %s", receiver, type(outcome).__name__)
