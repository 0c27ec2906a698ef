"""The platform's own entries in the registries it offers on Wagtail hooks."""

from datetime import timedelta

from wagtail import hooks

from core import conf, retention
from core.emails import send_pending
from core.frontend_cache import retry_purges
from core.models import PendingPurge
from core.periodic import PeriodicJob


@hooks.register("register_tunables")
def tunables():
    return conf.TUNABLES


@hooks.register("register_periodic_jobs")
def periodic_jobs():
    return [
        PeriodicJob("core.send_emails", send_pending, timedelta(minutes=5)),
        PeriodicJob("core.outbox_retention", retention.forget_old_emails, timedelta(days=1)),
        PeriodicJob("core.session_retention", retention.forget_expired_sessions, timedelta(days=1)),
        PeriodicJob("core.notice_retention", retention.forget_old_notices, timedelta(days=1)),
        PeriodicJob("core.retry_purges", retry_purges, timedelta(minutes=1)),
    ]


@hooks.register("sinergi_waiting_work")
def waiting_purges(older_than):
    return {"CDN purges": PendingPurge.objects.filter(created__lt=older_than).count()}
