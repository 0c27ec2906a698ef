"""The project's URLs with the public accounts (django-allauth) in front of the core's.

allauth reverses its URL names without a namespace ("account_login"), so it cannot
live inside the namespaced forums URLs; it must also come before Wagtail's
catch-all page route, which cms/urls.py puts last. ``ROOT_URLCONF`` points here
(settings block "Forums and accounts"); everything else is cms/urls.py unchanged.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from cms.urls import handler400, handler404, handler500  # noqa: F401 - Django reads them from ROOT_URLCONF
from cms.urls import urlpatterns as core_urlpatterns

urlpatterns = [
    *i18n_patterns(path("accounts/", include("allauth.urls")), prefix_default_language=True),
    *core_urlpatterns,
]
