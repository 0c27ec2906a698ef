"""The glossary's definitions in the four languages (django-modeltranslation), falling back
to Indonesian; terms are rows with their own language (search/models.py)."""

from modeltranslation.translator import TranslationOptions, register

from search.models import Concept


@register(Concept)
class ConceptTranslation(TranslationOptions):
    fields = ("definition",)
