"""Which translations of a page exist, and which are older than the Indonesian text.

Indonesian is the source language. A translation is made against one version of
the Indonesian text; when the Indonesian text changes afterwards, the translation
is out of date until a translator touches it again. To know that without keeping
every version of every field, a page stores, per language, a digest of its own
translated fields and the digest of the Indonesian fields at the moment the
translation was last changed (``TranslatedPageMixin.translation_state``).

The state is recomputed on every full ``save()`` of the live page (publishing
does a full save; saving a draft revision does not, and must not count).
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from modeltranslation.utils import build_localized_fieldname

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@dataclass(frozen=True)
class TranslationStatus:
    """What a reader of ``language`` should be told about the page they are reading."""

    language: str
    available: bool  # False: the reader sees the Indonesian text instead
    outdated: bool  # True: the Indonesian text changed after this translation
    source_changed_at: datetime | None

    @property
    def shown_language(self):
        return self.language if self.available else SOURCE_LANGUAGE


class TranslatedPageMixin(models.Model):
    """Tracks translation freshness for a page type registered with modeltranslation.

    ``translation_fields`` names the translated fields whose change matters to a
    reader; ``translation_required_fields`` those without which a translation does
    not count as available (a page with an English title but no English body is
    not an English page).
    """

    translation_state = models.JSONField(default=dict, blank=True, editable=False)

    translation_fields = ("title", "search_description")
    translation_required_fields = ("title",)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.refresh_translation_state()
        super().save(*args, **kwargs)

    def _field_values(self, language, names):
        values = []
        for name in names:
            field = self._meta.get_field(build_localized_fieldname(name, language))
            value = field.value_from_object(self)
            if hasattr(value, "raw_data"):  # StreamValue: compare the stored JSON
                value = list(value.raw_data)
            values.append(value)
        return values

    def _digest(self, language):
        values = self._field_values(language, self.translation_fields)
        encoded = json.dumps(values, sort_keys=True, default=str).encode()
        return hashlib.sha256(encoded).hexdigest()[:16]

    def _has_translation(self, language):
        return all(self._field_values(language, self.translation_required_fields))

    def refresh_translation_state(self, now=None):
        now = (now or timezone.now()).isoformat()
        state = dict(self.translation_state or {})
        source = self._digest(SOURCE_LANGUAGE)
        if state.get(SOURCE_LANGUAGE, {}).get("own") != source:
            state[SOURCE_LANGUAGE] = {"own": source, "at": now}
        for language in target_languages():
            if not self._has_translation(language):
                state.pop(language, None)
                continue
            own = self._digest(language)
            if state.get(language, {}).get("own") != own:
                state[language] = {"own": own, "source": source, "at": now}
        self.translation_state = state

    def translation_status(self, language):
        source = self.translation_state.get(SOURCE_LANGUAGE, {})
        changed_at = parse_datetime(source["at"]) if source.get("at") else None
        if language == SOURCE_LANGUAGE:
            return TranslationStatus(language, True, False, changed_at)
        entry = self.translation_state.get(language)
        if entry is None:
            return TranslationStatus(language, False, False, changed_at)
        outdated = entry.get("source") != source.get("own")
        return TranslationStatus(language, True, outdated, changed_at)

    def available_languages(self):
        return [
            code
            for code, _name in settings.LANGUAGES
            if code == SOURCE_LANGUAGE or code in self.translation_state
        ]

    def outdated_languages(self):
        return [code for code in target_languages() if self.translation_status(code).outdated]
