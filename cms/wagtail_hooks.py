"""Admin integration: the outdated-translations report, a warning and the translation tools in the
page editor; the core's main tasks, API endpoints and the smart answers' demo (docs/architecture.md,
"Extension points")."""

from django.conf import settings
from django.contrib import messages
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms import conf
from cms.admin_views import OutdatedTranslationsView, SubscriberCountsView
from cms.api.content import GuideViewSet, OfficeViewSet, RegulationViewSet, SmartAnswerViewSet
from cms.api.endpoints import Endpoint
from cms.demo.extensions import DemoExtension
from cms.models import SmartAnswerIndexPage
from cms.smart_answers import demo as smart_answers_demo_content
from cms.smart_answers.main_task import PageTask
from cms.translation_editor import copy_view, editor_settings
from cms.translation_state import TranslatedPageMixin
from core.main_tasks import MainTask


@hooks.register("register_admin_urls")
def register_outdated_translations_url():
    return [
        path(
            "reports/outdated-translations/",
            OutdatedTranslationsView.as_view(),
            name="cms_outdated_translations",
        ),
        path("reports/subscribers/", SubscriberCountsView.as_view(), name="cms_subscriber_counts"),
        path("translations/copy/", copy_view, name="cms_copy_translation"),
    ]


@hooks.register("insert_editor_js")
def translation_editor_settings():
    """Settings of the per-field language toggles and copy buttons (cms/translation_editor.py)."""
    return editor_settings()


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return EditorsMenuItem(
        _("Outdated translations"),
        reverse("cms_outdated_translations"),
        name="outdated-translations",
        icon_name="globe",
        order=1000,
    )


@hooks.register("register_reports_menu_item")
def register_subscriber_counts_menu_item():
    return EditorsMenuItem(
        _("Email subscribers"),
        reverse("cms_subscriber_counts"),
        name="subscriber-counts",
        icon_name="mail",
        order=1010,
    )


@hooks.register("before_edit_page")
def warn_about_outdated_translations(request, page):
    if request.method != "GET" or not isinstance(page, TranslatedPageMixin):
        return
    outdated = page.outdated_languages()
    if outdated:
        names = dict(settings.LANGUAGES)
        messages.warning(
            request,
            format_lazy(
                _("The Indonesian text changed after these translations were made; they are out of date: {}"),
                ", ".join(names[code] for code in outdated),
            ),
        )


@hooks.register("register_tunables")
def tunables():
    return conf.TUNABLES


@hooks.register("register_main_task")
def main_task():
    return MainTask(
        key="guides",
        label=_("Find a guide"),
        description=_("Visas, stay permits, passports, your rights and obligations."),
        anchor="topics",
        order=10,
    )


@hooks.register("register_api_endpoint")
def guides_endpoint():
    return Endpoint("guides", GuideViewSet)


@hooks.register("register_api_endpoint")
def regulations_endpoint():
    return Endpoint("regulations", RegulationViewSet)


@hooks.register("register_api_endpoint")
def offices_endpoint():
    return Endpoint("offices", OfficeViewSet)


@hooks.register("register_main_task")
def smart_answers_task():
    return PageTask(
        key="smart_answers",
        label=_("Check what you need"),
        description=_("Answer a few questions: which visa or stay permit, what to do after overstaying."),
        page_model=SmartAnswerIndexPage,
        order=15,
    )


@hooks.register("register_demo_content")
def smart_answers_demo():
    return DemoExtension(key="smart_answers", load=smart_answers_demo_content.load, order=5)


@hooks.register("register_api_endpoint")
def smart_answers_endpoint():
    return Endpoint("smart-answers", SmartAnswerViewSet)
