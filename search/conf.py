"""The search layer's tunables (core/tunables.py); the engine's address and timeouts are
deployment settings (`SEARCH_URL`, `SEARCH_TIMEOUT`, config/settings.py)."""

from core.tunables import Seconds, declare

TUNABLES = declare(
    "search",
    Seconds(
        "ENGINE_RETRY_SECONDS",
        30,
        "after the search engine fails, searches use the database this long before it is asked again",
    ),
)
get = TUNABLES.get
