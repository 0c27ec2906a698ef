from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        # Imported here: models, signals and hooks may be imported only once the apps are loaded.
        from cms.models import HomePage
        from core.periodic import PeriodicJob, register_job
        from evaluation import digest, search_log, tasks

        HomePage.allow_section("evaluation.EvaluationIndexPage")
        search_log.connect()
        register_job(PeriodicJob("evaluation.figures_and_surveys", tasks.tick, timedelta(hours=1)))
        register_job(PeriodicJob("evaluation.weekly_digest", digest.send_digests, timedelta(days=7)))
