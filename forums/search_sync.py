"""Tell the search pipeline that a thread's documents must be recomputed.

Moderation changes posts, not only threads, so saving a thread (which search/
already watches) is not enough: every decision calls ``refresh``. The pipeline
computes the documents from the thread's current, visible state after commit.
"""

from search.pipeline import schedule

SOURCE = "forums.thread"


def refresh(thread):
    schedule(SOURCE, thread.pk)
