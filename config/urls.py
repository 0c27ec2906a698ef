"""The project's URLs: the one place that mounts every app. Public pages carry the
language prefix (/id/, /en/, /ar/, /zh-hans/); machine endpoints do not.

Apps are named by string only: the project imports nothing of Sinergi's own."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path(settings.WAGTAILADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("core.urls")),
    path("", include("cms.urls")),
    path("api/v1/", include("cms.api.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Public accounts (forums): allauth reverses its URL names without a namespace.
    path("accounts/", include("allauth.urls")),
    path("follow/", include("cms.follow_urls")),
    path("", include("search.urls")),
    path("events/", include("agenda.urls")),
    path("complaints/", include("complaints.urls")),
    path("forums/", include("forums.urls")),
    path("transparency/", include("evaluation.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
