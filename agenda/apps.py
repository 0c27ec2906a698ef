from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.signals import page_published

        from agenda import demo, session_changes, tasks
        from agenda.api import EventSessionViewSet
        from agenda.models import EventPage
        from cms.api.registry import register_endpoint
        from cms.demo.extensions import DemoExtension, register_demo
        from cms.models import HomePage
        from core.main_tasks import MainTask, register_main_task
        from core.periodic import PeriodicJob, register_job

        HomePage.allow_section("agenda.EventIndexPage")
        page_published.connect(
            session_changes.announce_published, sender=EventPage, dispatch_uid="agenda.session_changes"
        )
        register_endpoint("events", EventSessionViewSet)
        register_main_task(
            MainTask(
                key="events",
                label=_("Attend a seminar or workshop"),
                description=_("Free sessions near you or online; register yourself or your community group."),
                url_name="agenda:calendar",
                order=30,
            )
        )
        register_demo(DemoExtension(key="events", load=demo.load, order=20))
        register_job(PeriodicJob("agenda.offers_and_reminders", tasks.tick, timedelta(minutes=5)))
