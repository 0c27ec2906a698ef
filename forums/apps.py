"""Feedback forums: the public asks and gives feedback, officials answer, moderators keep it clean."""

from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")

    def ready(self):
        from core.periodic import PeriodicJob, register_job
        from forums import retention, summary

        register_job(PeriodicJob("forums.moderation_summary", summary.send_summary, timedelta(days=1)))
        register_job(PeriodicJob("forums.ip_retention", retention.forget_addresses, timedelta(days=1)))
