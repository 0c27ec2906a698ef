from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Sinergi content")

    def ready(self):
        # Imported here: models, and modules that use them, load only once the app registry is ready.
        from wagtail.signals import page_published

        from cms import follow
        from cms.models import Audience
        from core.page_cache import shown_on_pages

        page_published.connect(follow.on_page_published, dispatch_uid="cms.follow.published")
        shown_on_pages(Audience)  # guides and topic lists name their audiences
