"""Which translations of a page exist, and which are older than the Indonesian text.

Indonesian is the source language. A translation is made against one version of
the Indonesian text; when the Indonesian text changes afterwards, the translation
is out of date until a translator touches it again. To know that without keeping
every version of every field, a page stores, per language, a digest of its own
translated fields and the digest of the Indonesian fields at the moment the
translation was last changed (``TranslatedPageMixin.translation_state``).

The state is recomputed on every full ``save()`` of the live page (publishing
does a full save; saving a draft revision does not, and must not count).

Digests are taken of what a reader reads, not of the stored bytes: the admin's
rich-text editor rewrites markup it did not change (``<strong>`` becomes ``<b>``,
paragraphs gain ``data-block-key`` attributes, StreamField blocks gain ids), so a
first publish from the admin of imported or demo content would otherwise look like
a new Indonesian text and every translation would be flagged. States written by the
earlier byte digests (no ``format`` key) are converted on the next save, from the
values the page had before it (``_converted``).
"""

import hashlib
import html
import json
import re
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from modeltranslation.utils import build_localized_fieldname

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
FORMAT_KEY, FORMAT = "format", 2  # 2: digests of the text read (``meaning``)
BLOCK_TAGS = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|br|div|blockquote|table|tr|td|th)\b[^>]*>", re.IGNORECASE)
TAGS = re.compile(r"<[^>]*>")
SPACES = re.compile(r"\s+")
EMPTY = ("", None, [], {})


def text_of(markup):
    """The text of a string of HTML or plain text: block ends are spaces, inline markup is dropped."""
    text = TAGS.sub("", BLOCK_TAGS.sub(" ", markup))
    return SPACES.sub(" ", html.unescape(text)).strip()


def _is_list_item(item):
    """A ListBlock item as the admin stores it ({"type": "item", "value": ..., "id": ...});
    imports may store the bare value."""
    return isinstance(item, dict) and item.get("type") == "item" and set(item) <= {"type", "value", "id"}


def meaning(value):
    """A stored value reduced to what a reader reads: text without markup or spacing differences,
    StreamField data without block ids or list-item wrappers, empty optional values left out."""
    if hasattr(value, "raw_data"):  # StreamValue
        value = list(value.raw_data)
    if isinstance(value, str):
        return text_of(value)
    if isinstance(value, dict):
        reduced = {key: meaning(item) for key, item in value.items() if key != "id"}
        return {key: item for key, item in reduced.items() if item not in EMPTY}
    if isinstance(value, list | tuple):
        items = (item["value"] if _is_list_item(item) else item for item in value)
        return [item for item in (meaning(item) for item in items) if item not in EMPTY]
    return value if value is None or isinstance(value, bool) else str(value)


# Which existing versions to offer a reader whose language a page is missing, best first
# (docs/translation.md): Arabic and Chinese readers more often read English than Indonesian.
READING_ORDER = {"ar": ("en", "id"), "zh-hans": ("en", "id"), "en": ("id",), "id": ("en",)}


def stored_title_language(page, language):
    """The language a page's title is written in when shown in ``language``, from the title
    fields alone (no translation state): Indonesian when that language's own title is
    missing or only repeats the Indonesian one (an organisation's name heading its Arabic
    description), else ``language`` itself."""
    own = getattr(page, build_localized_fieldname("title", language), None)
    if language == SOURCE_LANGUAGE or (
        own and own != getattr(page, build_localized_fieldname("title", SOURCE_LANGUAGE), None)
    ):
        return language
    return SOURCE_LANGUAGE


def reading_order(language, available):
    """The available languages other than ``language``, in the order a reader of it is offered them."""
    preferred = [code for code in READING_ORDER.get(language, ()) if code in available]
    rest = [code for code in available if code not in preferred and code != language]
    return preferred + rest


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
            values.append(field.value_from_object(self))
        return values

    def _digest(self, language):
        values = meaning(self._field_values(language, self.translation_fields))
        encoded = json.dumps(values, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()[:16]

    def _has_translation(self, language):
        values = self._field_values(language, self.translation_required_fields)
        return all(meaning(value) not in EMPTY for value in values)

    def _converted(self, state):
        """A state of byte digests rewritten with digests of meaning, from the page as it was saved
        before this save: translations current then stay current, outdated ones stay outdated."""
        previous = type(self).objects.filter(pk=self.pk).first() if self.pk else None
        if previous is None or SOURCE_LANGUAGE not in state:
            return {FORMAT_KEY: FORMAT}
        old_source = state[SOURCE_LANGUAGE]
        source = previous._digest(SOURCE_LANGUAGE)
        converted = {FORMAT_KEY: FORMAT, SOURCE_LANGUAGE: {"own": source, "at": old_source.get("at")}}
        for language in target_languages():
            entry = state.get(language)
            if entry is None:
                continue
            current = entry.get("source") == old_source.get("own")
            converted[language] = {
                "own": previous._digest(language),
                "source": source if current else entry.get("source"),
                "at": entry.get("at"),
            }
        return converted

    def refresh_translation_state(self, now=None):
        now = (now or timezone.now()).isoformat()
        state = dict(self.translation_state or {})
        if state.get(FORMAT_KEY) != FORMAT:
            state = self._converted(state)
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
