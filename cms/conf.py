"""The editorial core's tunables (core/tunables.py)."""

from core.tunables import Bytes, Count, RateLimit, declare

TUNABLES = declare(
    "cms",
    RateLimit("API_RATE", "600/minute", "requests per client address to the public API (`/api/v1/`)"),
    Count("FOLLOWS_PER_HOUR", 5, "email-update subscription requests per client address per hour"),
    Bytes("MAX_DOCUMENT_BYTES", 20 * 1024 * 1024, "largest document editors may upload", minimum=1),
)
get = TUNABLES.get
