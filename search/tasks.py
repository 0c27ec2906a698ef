"""Background tasks (django-tasks): index updates run outside the request."""

from django_tasks import task


@task()
def process_pending_task():
    from search.pipeline import process_pending

    done, failed = process_pending()
    return {"done": done, "failed": failed}


def catch_up_and_process(minutes=15):
    """The periodic safety net: pick up changes that bypassed signals, retry failed updates."""
    from search import pipeline

    scheduled = pipeline.catch_up(minutes=minutes)
    done, failed = pipeline.process_pending()
    return {"scheduled": scheduled, "done": done, "failed": failed}


def retry_failed():
    """Every 30 s: apply the updates whose back-off has passed (none waiting: one cheap query)."""
    from search import pipeline

    done, failed = pipeline.process_pending()
    return {"done": done, "failed": failed}
