"""The evaluation app's tunables (core/tunables.py)."""

from core.tunables import Count, Days, Hours, Seconds, declare

TUNABLES = declare(
    "evaluation",
    Count("RATINGS_PER_HOUR", 30, "page ratings per client address per hour"),
    Count(
        "RATINGS_PER_NETWORK_PAGE_DAY",
        3,
        "browsers of one network rating one page in a day beyond this are a burst: flagged, not public",
        minimum=1,
    ),
    Hours("SURVEY_AFTER_HOURS", 2, "the feedback survey goes to participants this long after a session ends"),
    Days("SURVEY_UNTIL_DAYS", 7, "sessions that ended longer ago than this get no survey"),
    Days("HELPFULNESS_DAYS", 90, "period of the editors' page helpfulness report", minimum=1),
    Count(
        "NOT_FOUND_MINIMUM_PEOPLE",
        3,
        "a failed search is shown to editors only when this many were made in a week (privacy)",
        minimum=2,
    ),
    Days(
        "SEARCH_RETENTION_DAYS",
        63,
        "search records (masked queries) are deleted this long after the search; the report covers 8 weeks",
        minimum=57,
    ),
    Seconds(
        "DASHBOARD_CACHE_SECONDS",
        3600,
        "how long the public dashboard's figures are kept before they are computed again",
    ),
)
get = TUNABLES.get
