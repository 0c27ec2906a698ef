"""Translated fields of the events app (discovered by django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from agenda.models import EventIndexPage, EventPage, EventSession


@register(EventIndexPage)
class EventIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(EventPage)
class EventPageTranslation(TranslationOptions):
    fields = ("summary", "body")
    required_languages = ("id",)


@register(EventSession)
class EventSessionTranslation(TranslationOptions):
    fields = ("label", "venue_accessibility")
