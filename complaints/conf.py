"""The complaints app's tunables (core/tunables.py), read when used so tests and operators
can change them, and where attachments are kept."""

from pathlib import Path

from django.conf import settings

from core.tunables import Bytes, Count, Dates, Days, Seconds, declare

TUNABLES = declare(
    "complaints",
    Count(
        "FIRST_RESPONSE_WORKING_DAYS",
        5,
        "working days (Monday to Friday, minus `HOLIDAYS`) for the first public response",
        minimum=1,
    ),
    Count(
        "RESOLUTION_WORKING_DAYS",
        20,
        'working days from receipt to resolution (the "resolved within target" figure)',
        minimum=1,
    ),
    Dates("HOLIDAYS", (), "public holidays, not counted as working days (comma-separated ISO dates)"),
    Days("REOPEN_DAYS", 30, "after resolution, the complainant may add information or reopen this long"),
    Days(
        "RETENTION_DAYS",
        365,
        "personal data and attachments are erased this long after closing or rejection",
        minimum=1,
    ),
    Count("FILE_LIMIT", 5, "complaints filed per client address per `FILE_WINDOW`"),
    Seconds("FILE_WINDOW", 3600, "window of the filing limit", minimum=1),
    Count(
        "LOOKUP_FREE_FAILURES",
        10,
        "wrong tracking codes per client address per `LOOKUP_WINDOW` before look-ups are slowed down",
    ),
    Seconds("LOOKUP_WINDOW", 24 * 3600, "window in which wrong codes are counted", minimum=1),
    Seconds(
        "LOOKUP_DELAY_SECONDS",
        2,
        "wait after the first wrong code past the free ones; doubles with each further one",
        minimum=1,
    ),
    Seconds("LOOKUP_MAX_DELAY_SECONDS", 300, "longest wait between look-ups after wrong codes", minimum=1),
    Count("ADDITIONS_PER_HOUR", 3, "times the complainant may add information to one complaint per hour"),
    Bytes(
        "ATTACHMENT_QUOTA_BYTES",
        30 * 1024 * 1024,
        "total size of all attachments of one complaint, with its additions",
        minimum=1,
    ),
    Seconds("MIN_FILL_SECONDS", 5, "a form sent back faster than this is not from a person reading it"),
    Seconds("FORM_MAX_AGE_SECONDS", 24 * 3600, "a form older than this asks to be sent again", minimum=1),
    Count("MAX_ATTACHMENTS", 5, "attachments per submission"),
    Bytes("MAX_ATTACHMENT_BYTES", 5 * 1024 * 1024, "largest attachment", minimum=1),
    Seconds(
        "TRACKING_SESSION_SECONDS",
        30 * 60,
        "a looked-up complaint stays open in the browser this long without a new look-up",
    ),
    Seconds(
        "FILED_SHOWN_SECONDS",
        30 * 60,
        "the tracking code stays on the confirmation page this long after filing",
    ),
)
get = TUNABLES.get


def private_dir():
    """Where attachments are kept: outside MEDIA_ROOT, never served by the web server."""
    configured = getattr(settings, "COMPLAINTS_PRIVATE_DIR", None)
    return Path(configured) if configured else Path(settings.PRIVATE_MEDIA_ROOT) / "complaints"
