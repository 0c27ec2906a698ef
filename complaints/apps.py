from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from complaints import retention
        from core.periodic import PeriodicJob, register_job

        register_job(PeriodicJob("complaints.retention", retention.run, timedelta(days=1)))
