"""Background tasks (django-tasks): the daily retention run."""

from django_tasks import task

from complaints import retention


@task()
def retention_task():
    closed, scrubbed = retention.run()
    return {"closed": closed, "scrubbed": scrubbed}
