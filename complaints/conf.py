"""Settings of the complaints app, each with a default (config/settings.py stays untouched).

Override any of them in the Django settings: ``COMPLAINTS_RETENTION_DAYS = 730``.
Read through these functions, not at import time, so tests and deployments can change them.
"""

from pathlib import Path

from django.conf import settings

DEFAULTS = {
    # Working days (Monday to Friday, minus COMPLAINTS_HOLIDAYS) for the first public response.
    "FIRST_RESPONSE_WORKING_DAYS": 5,
    # Working days from receipt to resolution (the "resolved within target" statistic).
    "RESOLUTION_WORKING_DAYS": 20,
    # Public holidays as ISO dates ("2025-08-17"); not counted as working days.
    "HOLIDAYS": (),
    # Days after resolution during which the complainant may add information or reopen.
    "REOPEN_DAYS": 30,
    # Days after closing (or rejection) after which personal data and attachments are scrubbed.
    "RETENTION_DAYS": 365,
    # Filing: valid complaints per client address per hour.
    "FILE_LIMIT": 5,
    "FILE_WINDOW": 3600,
    # Code look-ups (found or not) per client address per hour.
    "LOOKUP_LIMIT": 10,
    "LOOKUP_WINDOW": 3600,
    # A form sent back faster than this is not from a person reading it.
    "MIN_FILL_SECONDS": 5,
    # A form older than this asks to be sent again (its one-time token has expired).
    "FORM_MAX_AGE_SECONDS": 24 * 3600,
    # Attachments: how many per submission, and the size limit of each.
    "MAX_ATTACHMENTS": 5,
    "MAX_ATTACHMENT_BYTES": 5 * 1024 * 1024,
    # How long a looked-up complaint stays open in the browser session without a new look-up.
    "TRACKING_SESSION_SECONDS": 30 * 60,
}


def get(name):
    return getattr(settings, f"COMPLAINTS_{name}", DEFAULTS[name])


def private_dir():
    """Where attachments are kept: outside MEDIA_ROOT, never served by the web server."""
    configured = getattr(settings, "COMPLAINTS_PRIVATE_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "private" / "complaints"
