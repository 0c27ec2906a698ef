"""Language marks for the text a reader sees: which language each piece is really in.

A page not translated into the reader's language shows its Indonesian text; a list
mixes titles in the reader's language with titles in Indonesian. Screen readers
pronounce text by its ``lang`` and browsers order mixed scripts by ``dir``, so each
piece of page text says which language it is in (WCAG 3.1.2), and titles in lists
are isolated with ``dir="auto"`` so an Indonesian title in an Arabic list keeps its
punctuation in place.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname

from cms.translation_state import SOURCE_LANGUAGE, TranslatedPageMixin, reading_order, stored_title_language
from core.lists import comma, joined

register = template.Library()

RIGHT_TO_LEFT = {"ar"}


def direction(language):
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def shown_language(page, language):
    """The language a page's text is shown in to a reader of ``language``."""
    if isinstance(page, TranslatedPageMixin):
        return page.translation_status(language).shown_language
    title = getattr(page, build_localized_fieldname("title", language), None)
    return language if title else SOURCE_LANGUAGE


@register.simple_tag(takes_context=True)
def text_lang(context, page=None):
    """` lang=".." dir=".."` on an element holding a page's text when it is not in the reader's language."""
    language = get_language()
    shown = shown_language(page or context["page"], language)
    if shown == language:
        return ""
    return format_html(' lang="{}" dir="{}"', shown, direction(shown))


def title_language(page, language):
    """The language of a page's title: that of the text shown, except that a title left as the
    Indonesian one in a translation (an organisation's name) is Indonesian."""
    return stored_title_language(page, shown_language(page, language))


@register.simple_tag
def title_lang(page):
    """` lang=".." dir="auto"` for a page's title in a list (``<a{% title_lang page %}>``)."""
    return format_html(' lang="{}" dir="auto"', title_language(page, get_language()))


@register.simple_tag
def stored_title_lang(page):
    """` lang="id" dir="auto"` on a title shown where the page's translation state is not
    loaded (breadcrumbs): the title is Indonesian when the reader's own title is missing or
    only repeats the Indonesian one (an organisation's name). Reads the title fields only."""
    language = get_language()
    if stored_title_language(page, language) == language:
        return ""
    return format_html(' lang="{}" dir="auto"', SOURCE_LANGUAGE)


@register.simple_tag
def marked_title(page):
    """A page's title isolated and marked with its language, to put inside a sentence
    (``{% marked_title guide as title %}{% blocktranslate %}About “{{ title }}”…``)."""
    return format_html("<bdi{}>{}</bdi>", title_lang(page), page.title)


@register.simple_tag
def summary_lang(page):
    """` lang=".." dir="auto"` for a page's summary in a list, always said: the list may sit
    inside a body shown in another language."""
    return format_html(' lang="{}" dir="auto"', shown_language(page, get_language()))


@register.simple_tag
def name_lang(page):
    """` lang="id" dir="auto"` on a page's own title (``<h1>``) when it is an Indonesian name
    kept in the reader's language."""
    language = get_language()
    shown = title_language(page, language)
    if shown == language:
        return ""
    return format_html(' lang="{}" dir="auto"', shown)


@register.simple_tag
def ui_lang():
    """The reader's language on an interface label inside page text that may be a fallback
    (a block's "Warning:" or fee table header inside an Indonesian body read in Arabic)."""
    language = get_language()
    return format_html(' lang="{}" dir="{}"', language, direction(language))


@register.simple_tag
def note_lang(note):
    """The marks of a change note, which falls back to Indonesian when it is not translated."""
    return field_lang(note, "note")


@register.simple_tag
def field_lang(instance, field):
    """The marks of any translated field (an event's summary, a session's label), which falls
    back to Indonesian when it is not translated."""
    language = get_language()
    if getattr(instance, build_localized_fieldname(field, language), None):
        return ""
    return format_html(' lang="{}" dir="{}"', SOURCE_LANGUAGE, direction(SOURCE_LANGUAGE))


@register.simple_tag(takes_context=True)
def other_versions(context, page=None):
    """The versions of a page that exist, for a reader whose language it is missing:
    ``[{"code", "name", "url", "dir"}]`` in the documented reading order."""
    page = page or context["page"]
    request = context.get("request")
    if not isinstance(page, TranslatedPageMixin) or request is None:
        return []
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(request.path, code),
            "dir": direction(code),
        }
        for code in reading_order(get_language(), page.available_languages())
        if code in dict(settings.LANGUAGES)
    ]


@register.filter
def reader_list(items):
    """Items joined with the reader's comma (Arabic ، and Chinese ，), not always ", "."""
    return joined(items)


@register.filter
def indonesian_names(names):
    """Indonesian proper names (provinces, places) joined with the reader's comma, each marked
    ``lang="id"`` and isolated for readers of another language."""
    if get_language() == SOURCE_LANGUAGE:
        return joined(names)
    return format_html_join(comma(), '<bdi lang="id">{}</bdi>', ((name,) for name in names))


@register.simple_tag
def list_comma():
    """The reader's comma between linked items, where ``reader_list`` cannot join them."""
    return comma()
