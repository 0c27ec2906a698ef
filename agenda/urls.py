"""Public URLs of the agenda (events) app that are not pages: the calendar entry point,
the iCalendar files (Wagtail's page paths cannot end in ``.ics``, which some calendar
programs expect) and the registrant's self-service page. Mounted at /<lang>/events/."""

from django.urls import path

from agenda import calendar_views, views

app_name = "agenda"
urlpatterns = [
    path("", calendar_views.calendar_home, name="calendar"),
    path("calendar.ics", calendar_views.feed, name="feed"),
    path("<slug:slug>.ics", calendar_views.event_ics, name="event_ics"),
    path("sessions/<int:pk>.ics", calendar_views.session_ics, name="session_ics"),
    path("registration/", views.resend_link, name="resend_link"),
    path("registration/<str:token>/", views.manage, name="registration"),
    path("registration/<str:token>/calendar.ics", calendar_views.registration_ics, name="registration_ics"),
]
