"""Periodic jobs of the search layer (the update task itself is ``pipeline.process_pending_task``)."""

from search import pipeline


def catch_up_and_process(minutes=15):
    """The periodic safety net: pick up changes that bypassed signals, retry failed updates."""
    scheduled = pipeline.catch_up(minutes=minutes)
    done, failed = pipeline.process_pending()
    return {"scheduled": scheduled, "done": done, "failed": failed}


def retry_failed():
    """Every 30 s: apply the updates whose back-off has passed (none waiting: one cheap query)."""
    done, failed = pipeline.process_pending()
    return {"done": done, "failed": failed}
