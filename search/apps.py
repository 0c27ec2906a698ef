from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from search import fulltext


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported here: models, and modules that use them, load only once the app registry is ready.
        from core.page_cache import shown_on_pages
        from search import signals, withdrawal
        from search.models import Concept, Term

        autodiscover_modules("search")
        signals.connect()
        withdrawal.connect()
        for model in (Concept, Term):  # a guide's glossary term blocks show their definitions
            shown_on_pages(model)
        post_migrate.connect(install_fulltext_index, sender=self)


def install_fulltext_index(using, **kwargs):
    """The full-text index of the database engine lives outside the migrations (search/fulltext.py)."""
    fulltext.install(connections[using])
