"""Periodic work: dashboard figures, event surveys, the editors' weekly digest."""

from django_tasks import task

from evaluation import dashboard, digest, surveys


def tick(now=None):
    return {"periods_refreshed": dashboard.refresh(now), "surveys_sent": surveys.send_surveys(now)}


@task()
def evaluation_tick_task():
    return tick()


@task()
def weekly_digest_task():
    return digest.send_digests()
