"""The events app's tunables (core/tunables.py)."""

from core.tunables import Count, Days, Hours, declare

TUNABLES = declare(
    "agenda",
    Count(
        "REGISTRATIONS_PER_HOUR", 20, "registrations per client address per hour (only successful ones count)"
    ),
    Count(
        "LINK_RESENDS_PER_HOUR",
        5,
        "requests to email the registration links again, per client address and per email address per hour",
        minimum=1,
    ),
    Count(
        "MAX_GROUP_SIZE",
        50,
        "most people one registration may bring; larger groups contact the organisers",
        minimum=1,
    ),
    Hours(
        "OFFER_HOURS",
        48,
        "time a person on the waitlist has to accept a freed seat (never past the offer cut-off)",
        minimum=1,
    ),
    Hours(
        "OFFER_CUTOFF_HOURS",
        2,
        "no seat is offered to the waitlist this long before a session starts; the waitlist is then told",
    ),
    Hours("REMINDER_HOURS", 24, "the reminder email goes this long before a session starts"),
    Days("FEED_HISTORY_DAYS", 90, "calendar feeds keep sessions that ended this recently"),
    Count("FEED_LIMIT", 5000, "most sessions in one calendar feed", minimum=1),
    Days(
        "RETENTION_DAYS",
        90,
        "registrations are anonymised this long after their session ends (counts are kept)",
        minimum=1,
    ),
)
get = TUNABLES.get
