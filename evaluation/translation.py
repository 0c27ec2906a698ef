"""Translated fields of the evaluation pages (discovered by django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from evaluation.models import EvaluationIndexPage, EvaluationRoundPage


@register(EvaluationIndexPage)
class EvaluationIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(EvaluationRoundPage)
class EvaluationRoundPageTranslation(TranslationOptions):
    fields = ("findings", "actions")
    required_languages = ("id",)
