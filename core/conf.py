"""The platform's tunables (core/tunables.py): sign-in limits, email retries and the outbox's retention."""

from core.tunables import Count, Days, Seconds, declare

TUNABLES = declare(
    "core",
    Seconds("LOGIN_WINDOW", 15 * 60, "window in which failed sign-ins are counted", minimum=1),
    Count(
        "LOGIN_ADDRESS_LIMIT",
        10,
        "failed sign-ins per client address per window; then every sign-in is refused",
    ),
    Count(
        "LOGIN_ACCOUNT_LIMIT",
        20,
        "failed sign-ins per account name per window; then every sign-in is refused",
    ),
    Count(
        "EMAIL_MAX_ATTEMPTS",
        10,
        "attempts to send an outgoing email before the outbox stops trying",
        minimum=1,
    ),
    Days(
        "OUTBOX_RETENTION_DAYS",
        30,
        "sent (or given up) outgoing emails are deleted this long after they were written",
        minimum=1,
    ),
)
get = TUNABLES.get
