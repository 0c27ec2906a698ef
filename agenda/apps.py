from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Events")

    def ready(self):
        from agenda import demo
        from cms.demo.extensions import DemoExtension, register_demo
        from cms.main_tasks import MainTask, register_main_task
        from cms.models import HomePage

        HomePage.allow_section("agenda.EventIndexPage")
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
