"""The platform's own entries in the registries it offers on Wagtail hooks."""

from datetime import timedelta

from wagtail import hooks

from core import conf, retention
from core.emails import send_pending
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
    ]
