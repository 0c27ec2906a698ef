"""Admin menu and URLs for event organisers; the periodic jobs of the events app (offers and
reminders, retention); the events' main
task, API endpoint, demo content, dashboard figures and attendees (docs/architecture.md,
"Extension points")."""

from datetime import timedelta

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from agenda import admin_views, attendance, conf, demo, figures, retention, tasks
from agenda.api import EventSessionViewSet
from cms.api.endpoints import Endpoint
from cms.demo.extensions import DemoExtension
from core.main_tasks import MainTask
from core.periodic import PeriodicJob


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("events/sessions/", admin_views.SessionsView.as_view(), name="agenda_admin_sessions"),
        path(
            "events/sessions/<int:pk>/", admin_views.SessionDetailView.as_view(), name="agenda_admin_session"
        ),
        path(
            "events/sessions/<int:pk>/export.<str:file_format>",
            admin_views.export,
            name="agenda_admin_export",
        ),
        path(
            "events/sessions/<int:pk>/check-in/<int:registration_pk>/",
            admin_views.check_in,
            name="agenda_admin_check_in",
        ),
        path(
            "events/sessions/<int:pk>/message/",
            admin_views.MessageView.as_view(),
            name="agenda_admin_message",
        ),
    ]


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return OrganiserMenuItem(
        _("Event registrations"),
        reverse("agenda_admin_sessions"),
        name="event-registrations",
        icon_name="date",
        order=250,
    )


@hooks.register("register_periodic_jobs")
def periodic_jobs():
    return [
        PeriodicJob("agenda.offers_and_reminders", tasks.tick, timedelta(minutes=5)),
        PeriodicJob("agenda.retention", retention.scheduled_run, timedelta(days=1)),
    ]


@hooks.register("register_tunables")
def tunables():
    return conf.TUNABLES


@hooks.register("register_main_task")
def main_task():
    return MainTask(
        key="events",
        label=_("Attend a seminar or workshop"),
        description=_("Free sessions near you or online; register yourself or your community group."),
        url_name="agenda:calendar",
        order=30,
    )


@hooks.register("register_api_endpoint")
def api_endpoint():
    return Endpoint("events", EventSessionViewSet)


@hooks.register("register_demo_content")
def demo_content():
    return DemoExtension(key="events", load=demo.load, order=20)


@hooks.register("register_dashboard_figures")
def dashboard_figures():
    return figures.SECTION


@hooks.register("sinergi_event_attendees")
def event_attendees(since, until):
    return attendance.attendees(since, until)
