"""Email updates on topics and regulations, mounted at /<lang>/follow/ (names are global)."""

from django.urls import path

from cms import follow_views

urlpatterns = [
    path("", follow_views.follow_page, name="follow"),
    path("confirm/<str:token>/", follow_views.confirm_page, name="follow_confirm"),
    path("unsubscribe/<str:token>/", follow_views.unsubscribe_page, name="follow_unsubscribe"),
]
