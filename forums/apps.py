"""Feedback forums: the public asks and gives feedback, officials answer, moderators keep it clean."""

from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")

    def ready(self):
        from cms.api.registry import register_endpoint
        from cms.demo.extensions import DemoExtension, register_demo
        from core.main_tasks import MainTask, register_main_task
        from core.page_extras import PageExtra, register_page_extra
        from core.periodic import PeriodicJob, register_job
        from forums import demo, guide_questions, retention, summary
        from forums.api import AnsweredThreadViewSet

        register_endpoint("forum-threads", AnsweredThreadViewSet)
        register_main_task(
            MainTask(
                key="forums",
                label=_("Ask a question"),
                description=_("Ask, give feedback or make a suggestion; officials answer in public."),
                url_name="forums:index",
                order=40,
            )
        )
        register_page_extra(
            PageExtra(
                key="forums",
                template="forums/includes/guide_questions.html",
                context=guide_questions.context,
                page_types=("cms.guidepage",),
                order=20,
            )
        )
        register_demo(DemoExtension(key="forums", load=demo.load, order=40))
        register_job(PeriodicJob("forums.moderation_summary", summary.send_summary, timedelta(days=1)))
        register_job(PeriodicJob("forums.ip_retention", retention.forget_addresses, timedelta(days=1)))
