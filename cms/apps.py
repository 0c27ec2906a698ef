from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Sinergi content")

    def ready(self):
        from wagtail.signals import page_published

        from cms import follow
        from cms.api.content import GuideViewSet, RegulationViewSet
        from cms.api.registry import register_endpoint
        from core.main_tasks import MainTask, register_main_task

        register_endpoint("guides", GuideViewSet)
        register_endpoint("regulations", RegulationViewSet)
        page_published.connect(follow.on_page_published, dispatch_uid="cms.follow.published")

        register_main_task(
            MainTask(
                key="guides",
                label=_("Find a guide"),
                description=_("Visas, stay permits, passports, your rights and obligations."),
                anchor="topics",
                order=10,
            )
        )
