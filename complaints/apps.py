from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from cms.demo.extensions import DemoExtension, register_demo
        from complaints import demo, retention
        from core.main_tasks import MainTask, register_main_task
        from core.periodic import PeriodicJob, register_job

        register_main_task(
            MainTask(
                key="complaints",
                label=_("Report a problem or make a complaint"),
                description=_(
                    "About a service, misconduct, corruption or an illegal practice. You can stay anonymous."
                ),
                url_name="complaints:file",
                order=50,
            )
        )
        register_demo(DemoExtension(key="complaints", load=demo.load, order=50))
        register_job(PeriodicJob("complaints.retention", retention.run, timedelta(days=1)))
