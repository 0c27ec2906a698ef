from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from cms.main_tasks import MainTask, register_main_task
        from search import registry, signals

        registry.autodiscover()
        signals.connect()
        register_main_task(
            MainTask(
                key="search",
                label=_("Search"),
                description=_("Search all guides and pages in your language."),
                url_name="search",
                order=20,
            )
        )
