from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Sinergi content")

    def ready(self):
        # Imported here: models, and modules that use them, load only once the app registry is ready.
        from wagtail.signals import page_published

        from cms import follow

        page_published.connect(follow.on_page_published, dispatch_uid="cms.follow.published")
