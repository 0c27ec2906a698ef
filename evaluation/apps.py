from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        from cms.demo.extensions import DemoExtension, register_demo
        from cms.models import HomePage
        from core.main_tasks import MainTask, register_main_task
        from core.page_extras import PageExtra, register_page_extra
        from core.periodic import PeriodicJob, register_job
        from evaluation import demo, digest, ratings, search_log, tasks

        HomePage.allow_section("evaluation.EvaluationIndexPage")
        search_log.connect()
        register_page_extra(
            PageExtra(
                key="helpful",
                template="evaluation/_helpful.html",
                context=lambda request, page: {"rate_page": page},
                page_types=ratings.RATED_PAGE_TYPES,
                order=900,
            )
        )
        register_main_task(
            MainTask(
                key="transparency",
                label=_("See how we are doing"),
                description=_(
                    "Open figures on guides, events, questions and complaints, and what we change."
                ),
                url_name="evaluation:dashboard",
                order=60,
            )
        )
        register_demo(DemoExtension(key="evaluation", load=demo.load, order=90))
        register_job(PeriodicJob("evaluation.figures_and_surveys", tasks.tick, timedelta(hours=1)))
        register_job(PeriodicJob("evaluation.weekly_digest", digest.send_digests, timedelta(days=7)))
