"""Machine endpoints of the platform, outside the language prefix."""

from django.urls import path

from core import health

urlpatterns = [
    path("readyz", health.readyz, name="readyz"),
]
