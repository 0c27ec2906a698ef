"""The forums' tunables (core/tunables.py), read when used so tests and operators can change them."""

from core.tunables import Count, Days, Seconds, declare

TUNABLES = declare(
    "forums",
    Count("FIRST_POSTS_HELD", 1, "a member's first posts wait for a moderator"),
    Count(
        "FLAGS_TO_HIDE", 3, "flags from different members that hide a post until it is reviewed", minimum=1
    ),
    Seconds("MIN_FILL_SECONDS", 4, "a form sent back faster than this is a robot's"),
    Seconds("FORM_MAX_AGE_SECONDS", 24 * 3600, "a form older than this asks to be sent again", minimum=1),
    Count("POST_LIMIT", 10, "posts per member per `POST_WINDOW`"),
    Count("IP_POST_LIMIT", 30, "posts per client address per `POST_WINDOW`"),
    Seconds("POST_WINDOW", 3600, "window of the two post limits", minimum=1),
    Days("NEW_MEMBER_DAYS", 7, "a member is new this long (for the link limit)"),
    Count("NEW_MEMBER_MAX_LINKS", 1, "more links than this in a new member's post holds it for review"),
    Count("MAX_LINKS", 5, "more links than this holds anyone's post for review"),
    Seconds("DUPLICATE_WINDOW", 24 * 3600, "the same text posted again within this is refused"),
    Count("MAX_POST_LENGTH", 10000, "longest post, in characters", minimum=1),
    Days("IP_RETENTION_DAYS", 90, "addresses stored with posts are erased after this"),
    Count("POSTS_PER_PAGE", 50, "posts on one page of a thread", minimum=1),
    Count("THREADS_PER_PAGE", 30, "threads on one page of a board", minimum=1),
)
get = TUNABLES.get
