"""Office names in the four languages (django-modeltranslation), falling back to Indonesian."""

from modeltranslation.translator import TranslationOptions, register

from complaints.models import Office


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("id",)
