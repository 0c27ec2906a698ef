"""Which model fields are translated (django-modeltranslation registrations).

Wagtail's own Page fields (title, seo_title, search_description) are registered
by wagtail-modeltranslation; these add the content of Sinergi's page types.
"""

from modeltranslation.translator import TranslationOptions, register

from cms.models import GuideChangeNote, GuidePage, HomePage, StandardPage, TopicPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro",)


@register(TopicPage)
class TopicPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(GuidePage)
class GuidePageTranslation(TranslationOptions):
    fields = ("summary", "body")
    required_languages = ("id",)


@register(GuideChangeNote)
class GuideChangeNoteTranslation(TranslationOptions):
    fields = ("note",)
    required_languages = ("id",)


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("body",)
    required_languages = ("id",)
