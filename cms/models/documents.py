"""The forms and documents library: Wagtail documents with the metadata readers need.

A form has a number, a title per language, the language of the file itself, a
version and the date it is valid from. When a new version replaces it, the old
one points to it (``superseded_by``); pages that link to any version can then
send readers to the current one, and the old one says it is superseded.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.documents.models import AbstractDocument, Document

FILE_LANGUAGES = [
    ("id", "Bahasa Indonesia"),
    ("en", "English"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
    ("multi", _("Several languages")),
]


class LibraryDocument(AbstractDocument):
    form_number = models.CharField(_("form number"), max_length=50, blank=True)
    description = models.CharField(_("what it is for"), max_length=300, blank=True)
    file_language = models.CharField(
        _("language of the file"), max_length=10, choices=FILE_LANGUAGES, default="id"
    )
    version = models.CharField(_("version"), max_length=30, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )
    topics = models.ManyToManyField("cms.TopicPage", blank=True, verbose_name=_("topics"))
    updated_at = models.DateTimeField(auto_now=True)
    in_library = models.BooleanField(
        _("show in the forms library"), default=True, help_text=_("Untick for files that only pages link to.")
    )

    admin_form_fields = Document.admin_form_fields + (
        "title_en",
        "title_ar",
        "title_zh_hans",
        "form_number",
        "description",
        "file_language",
        "version",
        "valid_from",
        "superseded_by",
        "topics",
        "in_library",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def is_superseded(self):
        return self.superseded_by_id is not None

    def translated_title(self, language):
        return getattr(self, build_localized_fieldname("title", language), "")

    def translated_description(self, language):
        return getattr(self, build_localized_fieldname("description", language), "")

    def current_version(self):
        """Follow the chain of newer versions to the end (guarding against a loop)."""
        document, seen = self, {self.pk}
        while document.superseded_by_id and document.superseded_by_id not in seen:
            seen.add(document.superseded_by_id)
            document = document.superseded_by
        return document
