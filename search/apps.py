from datetime import timedelta

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported here: models, signals and hooks may be imported only once the apps are loaded.
        from core.periodic import PeriodicJob, register_job
        from search import signals, tasks

        autodiscover_modules("search")
        signals.connect()
        register_job(PeriodicJob("search.catch_up", tasks.catch_up_and_process, timedelta(minutes=5)))
        register_job(PeriodicJob("search.retry", tasks.retry_failed, timedelta(seconds=30)))
