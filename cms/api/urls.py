"""/api/v1/: the registered endpoints and the OpenAPI schema that describes them."""

from django.urls import include, path
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView
from rest_framework.routers import SimpleRouter

from cms.api.endpoints import endpoints

router = SimpleRouter()
for endpoint in endpoints():
    router.register(endpoint.prefix, endpoint.viewset, basename=endpoint.prefix)

# The schema describes these endpoints only, not Wagtail's admin API (also DRF).
documented = [path("api/v1/", include((router.urls, "api")))]


def in_english(view_class):
    """The schema is developers' documentation, written in English whatever the browser says."""

    class English(view_class):
        def dispatch(self, request, *args, **kwargs):
            with translation.override("en"):
                return super().dispatch(request, *args, **kwargs)

    return English.as_view(patterns=documented)


def public_schema():
    """The schema /api/v1/openapi.json serves, as a dict, built in-process (the tests check it
    and generate requests from it) by the same generator, from the same endpoints, in English."""
    with translation.override("en"):
        return SchemaGenerator(patterns=documented).get_schema(request=None, public=True)


app_name = "api"
urlpatterns = [
    path("openapi.json", in_english(SpectacularJSONAPIView), name="schema"),
    path("openapi.yaml", in_english(SpectacularYAMLAPIView), name="schema-yaml"),
    *router.urls,
]
