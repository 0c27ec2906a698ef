from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported here: models, and modules that use them, load only once the app registry is ready.
        from search import signals, withdrawal

        autodiscover_modules("search")
        signals.connect()
        withdrawal.connect()
