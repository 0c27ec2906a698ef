"""Which model fields are translated (django-modeltranslation registrations).

Wagtail's own Page fields (title, seo_title, search_description) are registered
by wagtail-modeltranslation; these add the content of Sinergi's page types.
"""

from modeltranslation.translator import TranslationOptions, register

from cms.models import (
    FormsLibraryPage,
    GuideChangeNote,
    GuidePage,
    HomePage,
    LibraryDocument,
    OfficeIndexPage,
    OfficePage,
    PartnerIndexPage,
    PartnerPage,
    RegulationChangeNote,
    RegulationIndexPage,
    RegulationPage,
    SiteProfile,
    SmartAnswerIndexPage,
    SmartAnswerPage,
    StandardPage,
    TopicPage,
)


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


@register(RegulationIndexPage)
class RegulationIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(RegulationPage)
class RegulationPageTranslation(TranslationOptions):
    fields = ("summary", "affects", "body", "authority")
    required_languages = ("id",)


@register(RegulationChangeNote)
class RegulationChangeNoteTranslation(TranslationOptions):
    fields = ("note",)
    required_languages = ("id",)


@register(PartnerIndexPage)
class PartnerIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(PartnerPage)
class PartnerPageTranslation(TranslationOptions):
    fields = ("description", "opening_hours")
    required_languages = ("id",)


@register(FormsLibraryPage)
class FormsLibraryPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(LibraryDocument)
class LibraryDocumentTranslation(TranslationOptions):
    """Titles and descriptions per language; the file itself has one language (file_language)."""

    fields = ("title", "description")
    required_languages = ("id",)


@register(OfficeIndexPage)
class OfficeIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(OfficePage)
class OfficePageTranslation(TranslationOptions):
    """Place names and addresses may differ by script (Chinese, Arabic); phone, email,
    coordinates and hours are the same in every language."""

    fields = ("city", "address", "directions", "accessibility", "notes")
    required_languages = ("id",)


@register(SiteProfile)
class SiteProfileTranslation(TranslationOptions):
    """The agency's name is read in the reader's language (its emblem's text alternative too)."""

    fields = ("agency_name",)


@register(SmartAnswerIndexPage)
class SmartAnswerIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(SmartAnswerPage)
class SmartAnswerPageTranslation(TranslationOptions):
    """The flow is translated whole; its structure must match the Indonesian one
    (``cms/smart_answers/validation.py``), so only its texts differ."""

    fields = ("intro", "flow")
    required_languages = ("id",)
