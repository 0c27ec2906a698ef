"""Public URLs of the complaints app (mounted under the language prefix in config/urls.py)."""

from django.urls import path

from complaints import views

app_name = "complaints"
urlpatterns = [
    path("", views.file_complaint, name="file"),
    path("received/", views.filed, name="filed"),
    path("track/", views.track, name="track"),
    path("status/", views.status, name="status"),
    path("statistics/", views.statistics_page, name="statistics"),
]
