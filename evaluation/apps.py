from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        # Imported here: models, and modules that use them, load only once the app registry is ready.
        from cms.models import HomePage
        from evaluation import flow_counts, search_log

        HomePage.allow_section("evaluation.EvaluationIndexPage")
        search_log.connect()
        flow_counts.connect()
