"""Background tasks (django-tasks): the daily moderation summary and address retention."""

from django_tasks import task

from forums import retention, summary


@task()
def moderation_summary_task():
    return {"emails": summary.send_summary()}


@task()
def ip_retention_task():
    return {"forgotten": retention.forget_addresses()}
