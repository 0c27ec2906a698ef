"""Background tasks (django-tasks): index updates run outside the request."""

from django_tasks import task


@task()
def process_pending_task():
    from search.pipeline import process_pending

    done, failed = process_pending()
    return {"done": done, "failed": failed}
