"""Look-up lockouts that slow a guesser down without locking a whole network out.

Many people share one address (a mobile operator's or an office's NAT), so a hard
"10 wrong codes, then an hour" let one person lock everyone behind it out. Instead,
after ``LOOKUP_FREE_FAILURES`` wrong codes from one client address in ``LOOKUP_WINDOW``,
each further wrong code makes that address wait before its next look-up, twice as long
each time (``LOOKUP_DELAY_SECONDS``, 2, 4, 8…) up to ``LOOKUP_MAX_DELAY_SECONDS``. A
neighbour with a real code waits at most that long; a guesser gets a few hundred tries
a day against 2^60 codes. Counted per code too: the same wrong code typed again is not
a new guess, so a person retrying their own typo does not slow anyone down. Successful
look-ups and codes failing their check digits are not counted at all.

Counts live in the shared cache (core/rate_limit.py's store), keyed by hashes.
"""

import hashlib
import math
import time

from complaints import conf
from core import rate_limit


def _key(kind, *parts):
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f"complaints-lookup:{kind}:{digest}"


def _seconds(now):
    return now.timestamp() if now is not None else time.time()


def failed(client, code, now=None):
    """Record a wrong code from ``client``; a code already counted for it adds nothing."""
    store = rate_limit.counts()
    window = conf.get("LOOKUP_WINDOW")
    if not store.add(_key("code", client, code), 1, window):
        return
    failures = _key("failures", client)
    store.add(failures, 0, window)
    try:
        store.incr(failures)
    except ValueError:  # expired meanwhile: a new window
        store.set(failures, 1, window)
    store.set(_key("last", client), _seconds(now), window)


def wait_seconds(client, now=None):
    """How long ``client`` must wait before its next look-up (0: it may look up now)."""
    store = rate_limit.counts()
    over = (store.get(_key("failures", client)) or 0) - conf.get("LOOKUP_FREE_FAILURES")
    if over <= 0:
        return 0
    delay = min(conf.get("LOOKUP_DELAY_SECONDS") * 2 ** (over - 1), conf.get("LOOKUP_MAX_DELAY_SECONDS"))
    last = store.get(_key("last", client)) or 0
    return max(0, math.ceil(last + delay - _seconds(now)))
