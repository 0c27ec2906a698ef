"""The forums' tunable numbers, read from ``settings.FORUMS`` with defaults.

Read at call time (not import time), so tests and operators can change them.
"""

from django.conf import settings

DEFAULTS = {
    "FIRST_POSTS_HELD": 1,
    "FLAGS_TO_HIDE": 3,
    "MIN_FILL_SECONDS": 4,
    "FORM_MAX_AGE_SECONDS": 24 * 3600,
    "POST_LIMIT": 10,
    "IP_POST_LIMIT": 30,
    "POST_WINDOW": 3600,
    "NEW_MEMBER_DAYS": 7,
    "NEW_MEMBER_MAX_LINKS": 1,
    "MAX_LINKS": 5,
    "DUPLICATE_WINDOW": 24 * 3600,
    "MAX_POST_LENGTH": 10000,
    "IP_RETENTION_DAYS": 90,
    "POSTS_PER_PAGE": 50,
    "THREADS_PER_PAGE": 30,
}


def get(name):
    return getattr(settings, "FORUMS", {}).get(name, DEFAULTS[name])
