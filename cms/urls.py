"""The editorial core's URLs outside the page tree and the language prefix."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from cms import views
from cms.sitemaps import PageSitemap

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
]
