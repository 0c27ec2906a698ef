"""What every page-based item in the API carries, whichever app owns the page type."""

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def absolute(url):
    return f"{settings.SITE_BASE_URL}{url}" if url and url.startswith("/") else url


class ChangeNoteSerializer(serializers.Serializer):
    date = serializers.DateField()
    note = serializers.CharField()


class PageItemSerializer(serializers.Serializer):
    """Identity, address and translation state of a live, public page.

    ``language`` is the language the text fields are in: the one asked for when
    the page is translated into it, else Indonesian; ``translation_outdated``
    says the Indonesian text changed after that translation was made.
    """

    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    language = serializers.SerializerMethodField()
    translation_outdated = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField()
    last_published_at = serializers.DateTimeField()

    @extend_schema_field(serializers.URLField())
    def get_url(self, page):
        return absolute(page.get_url())

    @extend_schema_field(serializers.ChoiceField(choices=settings.LANGUAGES))
    def get_language(self, page):
        return page.translation_status(translation.get_language()).shown_language

    @extend_schema_field(serializers.BooleanField())
    def get_translation_outdated(self, page):
        return page.translation_status(translation.get_language()).outdated


class TopicRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
