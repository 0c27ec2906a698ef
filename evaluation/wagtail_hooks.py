"""Reports menu entries for editors: page helpfulness, what people could not find, where readers
of smart answers stop, event feedback;
the periodic jobs that refresh the figures and send surveys and the weekly digest; the
dashboard's main task, the helpfulness question, demo content and its own figures
(docs/architecture.md, "Extension points")."""

from datetime import timedelta

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.demo.extensions import DemoExtension
from core.main_tasks import MainTask
from core.page_extras import PageExtra
from core.periodic import PeriodicJob
from evaluation import admin_views, conf, demo, digest, figures, flow_figures, ratings, search_log, tasks


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "reports/helpfulness/", admin_views.HelpfulnessView.as_view(), name="evaluation_admin_helpfulness"
        ),
        path(
            "reports/helpfulness/<int:page_id>/",
            admin_views.PageHelpfulnessView.as_view(),
            name="evaluation_admin_page_helpfulness",
        ),
        path("reports/not-found/", admin_views.NotFoundView.as_view(), name="evaluation_admin_not_found"),
        path(
            "reports/smart-answers/",
            admin_views.SmartAnswersView.as_view(),
            name="evaluation_admin_smart_answers",
        ),
        path(
            "reports/smart-answers/<int:page_id>/",
            admin_views.SmartAnswerStepsView.as_view(),
            name="evaluation_admin_smart_answer_steps",
        ),
        path(
            "reports/event-feedback/",
            admin_views.EventFeedbackView.as_view(),
            name="evaluation_admin_event_feedback",
        ),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def helpfulness_menu_item():
    return EditorsMenuItem(
        _("Page helpfulness"),
        reverse("evaluation_admin_helpfulness"),
        name="page-helpfulness",
        icon_name="help",
        order=1020,
    )


@hooks.register("register_reports_menu_item")
def event_feedback_menu_item():
    return EditorsMenuItem(
        _("Event feedback"),
        reverse("evaluation_admin_event_feedback"),
        name="event-feedback",
        icon_name="date",
        order=1030,
    )


@hooks.register("register_reports_menu_item")
def not_found_menu_item():
    return EditorsMenuItem(
        _("What people could not find"),
        reverse("evaluation_admin_not_found"),
        name="not-found",
        icon_name="search",
        order=1025,
    )


@hooks.register("register_reports_menu_item")
def smart_answers_menu_item():
    return EditorsMenuItem(
        _("Smart answers"),
        reverse("evaluation_admin_smart_answers"),
        name="smart-answers",
        icon_name="list-ol",
        order=1027,
    )


@hooks.register("register_periodic_jobs")
def periodic_jobs():
    return [
        PeriodicJob("evaluation.figures_and_surveys", tasks.tick, timedelta(hours=1)),
        PeriodicJob("evaluation.weekly_digest", digest.send_digests, timedelta(days=7)),
        PeriodicJob("evaluation.search_retention", search_log.forget_old, timedelta(days=1)),
    ]


@hooks.register("register_tunables")
def tunables():
    return conf.TUNABLES


@hooks.register("register_main_task")
def main_task():
    return MainTask(
        key="transparency",
        label=_("See how we are doing"),
        description=_("Open figures on guides, events, questions and complaints, and what we change."),
        url_name="evaluation:dashboard",
        order=60,
    )


@hooks.register("register_page_extra")
def helpful_extra():
    return PageExtra(
        key="helpful",
        template="evaluation/_helpful.html",
        context=lambda request, page: {"rate_page": page},
        page_types=ratings.RATED_PAGE_TYPES,
        order=900,
    )


@hooks.register("register_demo_content")
def demo_content():
    return DemoExtension(key="evaluation", load=demo.load, order=90)


@hooks.register("register_dashboard_figures")
def guide_figures():
    return figures.GUIDES


@hooks.register("register_dashboard_figures")
def survey_figures():
    return figures.SURVEYS


@hooks.register("register_dashboard_figures")
def smart_answer_figures():
    return flow_figures.SECTION
