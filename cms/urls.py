"""URLs. Public pages carry the language prefix (/id/, /en/, /ar/, /zh-hans/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import follow_views, health, views
from cms.sitemaps import PageSitemap

urlpatterns = [
    path(settings.WAGTAILADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", include("cms.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The project URLconf is the one place that knows every app's URLs.
urlpatterns += i18n_patterns(
    # Public accounts (forums): allauth reverses its URL names without a namespace.
    path("accounts/", include("allauth.urls")),
    path("follow/", follow_views.follow_page, name="follow"),
    path("follow/confirm/<str:token>/", follow_views.confirm_page, name="follow_confirm"),
    path("follow/unsubscribe/<str:token>/", follow_views.unsubscribe_page, name="follow_unsubscribe"),
    path("", include("search.urls")),
    path("events/", include("agenda.urls")),
    path("complaints/", include("complaints.urls")),
    path("forums/", include("forums.urls")),
    path("transparency/", include("evaluation.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "cms.views.bad_request"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
