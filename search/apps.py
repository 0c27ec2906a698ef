from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported here: models, signals and hooks may be imported only once the apps are loaded.
        from search import signals

        autodiscover_modules("search")
        signals.connect()
