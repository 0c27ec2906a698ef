"""The forum moderation views in the Wagtail admin, a menu item for moderators, and the forums'
periodic jobs (the moderators' daily summary, forgetting old addresses); the forums' main task,
guide questions, API endpoint, demo content and dashboard figures (docs/architecture.md,
"Extension points")."""

from datetime import timedelta

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.api.endpoints import Endpoint
from cms.demo.extensions import DemoExtension
from core.main_tasks import MainTask
from core.page_extras import PageExtra
from core.periodic import PeriodicJob
from forums import admin_views, conf, demo, figures, guide_questions, retention, summary
from forums.api import AnsweredThreadViewSet

admin_urls = (
    [
        path("", admin_views.QueueView.as_view(), name="queue"),
        path("posts/<int:pk>/", admin_views.PostView.as_view(), name="post"),
        path("threads/<int:pk>/", admin_views.ThreadView.as_view(), name="thread"),
        path("members/<int:pk>/", admin_views.MemberView.as_view(), name="member"),
        path("log/", admin_views.LogView.as_view(), name="log"),
    ],
    "forums_admin",
)


@hooks.register("register_admin_urls")
def register_forum_urls():
    return [path("forums/", include(admin_urls))]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.MODERATE)


@hooks.register("register_admin_menu_item")
def register_forums_menu_item():
    return ModeratorsMenuItem(
        _("Forum moderation"), reverse("forums_admin:queue"), name="forums", icon_name="comment", order=410
    )


@hooks.register("register_periodic_jobs")
def periodic_jobs():
    return [
        PeriodicJob("forums.moderation_summary", summary.send_summary, timedelta(days=1)),
        PeriodicJob("forums.ip_retention", retention.forget_addresses, timedelta(days=1)),
    ]


@hooks.register("register_tunables")
def tunables():
    return conf.TUNABLES


@hooks.register("register_main_task")
def main_task():
    return MainTask(
        key="forums",
        label=_("Ask a question"),
        description=_("Ask, give feedback or make a suggestion; officials answer in public."),
        url_name="forums:index",
        order=40,
    )


@hooks.register("register_page_extra")
def guide_questions_extra():
    return PageExtra(
        key="forums",
        template="forums/includes/guide_questions.html",
        context=guide_questions.context,
        page_types=("cms.guidepage",),
        order=20,
    )


@hooks.register("register_api_endpoint")
def api_endpoint():
    return Endpoint("forum-threads", AnsweredThreadViewSet)


@hooks.register("register_demo_content")
def demo_content():
    return DemoExtension(key="forums", load=demo.load, order=40)


@hooks.register("register_dashboard_figures")
def dashboard_figures():
    return figures.SECTION
