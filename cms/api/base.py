"""What every public API endpoint shares.

- Read-only, anonymous: no session or CSRF involvement, so a browser's login
  never changes what the API shows, and only published, public fields go out.
- ``?lang=`` chooses the language of translated fields (Indonesian by default);
  each item says which language it is actually in, as pages do for readers.
- Paginated (``page``, ``page_size`` up to 100), rate-limited per client address
  (behind ``TRUSTED_PROXY_COUNT`` proxies), cached in the "pages" cache that
  publishing empties, and open to other origins (CORS) since the data is public.
"""

from datetime import UTC

import django_filters
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import AnonRateThrottle

from cms import conf
from cms.translation_state import SOURCE_LANGUAGE
from core import rate_limit

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

LANGUAGE_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=LANGUAGE_CODES,
    description="Language of translated fields; items not translated into it are given in Indonesian (id).",
)


class ErrorSerializer(serializers.Serializer):
    """DRF's error body: a message, or messages per parameter."""

    detail = serializers.CharField(required=False)


ERROR_RESPONSES = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="A parameter has a value the API does not accept."),
    404: OpenApiResponse(ErrorSerializer, description="No such item, or a page number past the last page."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests from this address; retry later."),
}


class IdFilter(django_filters.NumberFilter):
    """Filter by an object's id: a whole number a database key can hold (else 400)."""

    field_class = forms.IntegerField
    largest = 2**63 - 1

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, min_value=1, max_value=self.largest, help_text=help_text, **kwargs)
        # The schema is set per filter, not on the class: drf-spectacular takes the whole
        # parameter schema from such an override, so the help text must be part of it.
        schema = {"type": "integer", "format": "int64", "minimum": 1, "maximum": self.largest}
        extend_schema_field({**schema, "description": help_text} if help_text else schema)(self)


class StrictBooleanField(forms.NullBooleanField):
    """``true`` or ``false`` (or absent); Django's own field reads "null", "2" or a typo as
    "not given", which would quietly widen the results."""

    widget = forms.TextInput  # hands the raw text to to_python

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in ("true", "false"):
            return value == "true"
        raise forms.ValidationError(_("Use true or false."), code="invalid")

    def validate(self, value):
        pass


class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class UTCDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 instant, turned into UTC before it reaches the database: PostgreSQL
    refuses offsets past 15:59 that ISO 8601 allows, and an instant at the edge of
    the calendar may not exist in UTC at all (both a 400, never a 500)."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(UTC)
        except OverflowError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField


class Pagination(PageNumberPagination):
    """Page numbers; a page size outside 1-100 is refused rather than quietly changed,
    so a client never believes it received everything when it did not."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        requested = request.query_params.get(self.page_size_query_param)
        if requested is None:
            return self.page_size
        if not requested.isdigit() or not 1 <= int(requested) <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Use a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
                    ]
                }
            )
        return int(requested)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update(minimum=1)
        return parameters


class ClientThrottle(AnonRateThrottle):
    """Requests per client address, ``API_RATE`` (cms/conf.py), read per request so it can be retuned."""

    def get_rate(self):
        return conf.get("API_RATE")

    def parse_rate(self, rate):
        return rate.limit, rate.seconds

    @property
    def cache(self):
        """The shared counts, or this process's own while Redis is down (core/rate_limit.py)."""
        return rate_limit.counts()


def cached(viewset):
    """Class decorator: keep list and detail responses in the cache that publishing empties."""
    decorate = method_decorator(cache_page(settings.API_CACHE_SECONDS, cache="pages", key_prefix="api"))
    viewset.list = decorate(viewset.list)
    viewset.retrieve = decorate(viewset.retrieve)
    return viewset


class PublicAPISchema(AutoSchema):
    """Documents ``lang`` and the error answers on every operation, so clients (and
    schemathesis in CI) know every status code the API can give."""

    def get_override_parameters(self):
        return [LANGUAGE_PARAMETER, *super().get_override_parameters()]

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if parameter["name"] == "id":
                parameter.setdefault("description", "The item's id, as given in the listing.")
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, response in ERROR_RESPONSES.items():
            responses.setdefault(str(code), self._get_response_for_code(response, str(code)))
        return responses


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    throttle_classes = [ClientThrottle]
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend]
    schema = PublicAPISchema()
    lookup_value_regex = "[0-9]{1,18}"  # fits a 64-bit key; longer is a 404, not an overflow

    model = None  # the model of the items, for the schema

    def items(self):
        """The published, public objects this endpoint serves."""
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # building the schema: no database needed
            return self.model.objects.none()
        return self.items()

    def dispatch(self, request, *args, **kwargs):
        requested = request.GET.get("lang", SOURCE_LANGUAGE)
        self.language = requested if requested in LANGUAGE_CODES else None
        with translation.override(self.language or translation.get_language()):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        empty = [name for name, value in request.query_params.lists() if not all(value)]
        if empty:
            # "?updated_since=" is a client's mistake; ignoring it would widen the results.
            raise ValidationError({name: [_("Give a value or leave the parameter out.")] for name in empty})
        if self.language is None:
            raise ValidationError(
                {
                    "lang": [
                        _("Unknown language; use one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}
                    ]
                }
            )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code == 200:
            patch_cache_control(response, public=True)
        return response


def non_empty_query_strings(result, generator, request, public):
    """drf-spectacular post-processing: query parameters of type string need a value,
    as the API refuses empty ones (PublicReadOnlyViewSet.initial)."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("in") == "query" and schema.get("type") == "string" and "enum" not in schema:
                    schema.setdefault("minLength", 1)
                    schema.setdefault("pattern", "^[^\\x00]*$")  # Django refuses NUL characters
    return result
