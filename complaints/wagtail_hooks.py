"""The complaints views in the Wagtail admin, a menu item for those who handle complaints, and the
daily retention job; the complaints' main task, demo content and dashboard figures
(docs/architecture.md, "Extension points")."""

from datetime import timedelta

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.demo.extensions import DemoExtension
from complaints import admin_views, conf, demo, figures, retention
from complaints.models import Office
from core.main_tasks import MainTask
from core.periodic import PeriodicJob

admin_urls = (
    [
        path("", admin_views.QueueView.as_view(), name="queue"),
        path("find/", admin_views.FindByCodeView.as_view(), name="find"),
        path("<int:pk>/", admin_views.DetailView.as_view(), name="detail"),
        path("attachments/<int:pk>/", admin_views.AttachmentView.as_view(), name="attachment"),
    ],
    "complaints_admin",
)


@hooks.register("register_admin_urls")
def register_complaints_urls():
    return [path("complaints/", include(admin_urls))]


class HandlersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.HANDLE)


@hooks.register("register_admin_menu_item")
def register_complaints_menu_item():
    return HandlersMenuItem(
        _("Complaints"), reverse("complaints_admin:queue"), name="complaints", icon_name="warning", order=400
    )


class OfficeViewSet(SnippetViewSet):
    """Offices and services offered on the form (Snippets → Offices); names in the four languages."""

    model = Office
    icon = "site"
    list_display = ["name", "city", "active"]
    panels = [
        FieldPanel("name_ind"),
        FieldPanel("name_en"),
        FieldPanel("name_ar"),
        FieldPanel("name_zh_hans"),
        FieldPanel("city"),
        FieldPanel("active"),
        FieldPanel("order"),
    ]


register_snippet(OfficeViewSet)


@hooks.register("register_periodic_jobs")
def periodic_jobs():
    return [PeriodicJob("complaints.retention", retention.scheduled_run, timedelta(days=1))]


@hooks.register("register_tunables")
def tunables():
    return conf.TUNABLES


@hooks.register("register_main_task")
def main_task():
    return MainTask(
        key="complaints",
        label=_("Report a problem or make a complaint"),
        description=_(
            "About a service, misconduct, corruption or an illegal practice. You can stay anonymous."
        ),
        url_name="complaints:file",
        order=50,
    )


@hooks.register("register_demo_content")
def demo_content():
    return DemoExtension(key="complaints", load=demo.load, order=50)


@hooks.register("register_dashboard_figures")
def dashboard_figures():
    return figures.SECTION
