"""The glossary term block a guide's body gets from search: a concept chosen by the editor,
shown to the reader by its term in the reader's language with its short definition and a link
to its entry in the public glossary.

cms may not import search, so cms/blocks.py collects extra guide blocks from the
``register_guide_blocks`` hook (search/wagtail_hooks.py registers this one). In migrations the
block is written as Wagtail's own ``SnippetChooserBlock`` of ``search.Concept`` (what it stores:
a concept's id), so the cms migration that adds it imports nothing of search; how it renders
is no part of a migration.

A term or definition missing in the reader's language falls back to Indonesian, marked with
``lang``; the block itself is marked with the reader's language, since a guide's body may be
an Indonesian stand-in inside which this text is not Indonesian. A concept deleted since the
guide was written renders nothing.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.snippets.blocks import SnippetChooserBlock

from search.glossary import FALLBACK
from search.glossary_admin import ConceptChooser
from search.models import Concept, Term

TARGET = "search.Concept"


def direction(language):
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


@dataclass(frozen=True)
class Shown:
    """A concept as a guide shows it to a reader of ``language``."""

    language: str
    term: str
    term_language: str  # differs from ``language`` when the term is the Indonesian one
    definition: str
    definition_language: str
    url: str

    @property
    def direction(self):
        return direction(self.language)

    @property
    def term_direction(self):
        return direction(self.term_language)

    @property
    def definition_direction(self):
        return direction(self.definition_language)


def shown(concept, language):
    own = any(term.language == language and term.kind == Term.PREFERRED for term in concept.terms.all())
    definition = getattr(concept, build_localized_fieldname("definition", language), "") or ""
    return Shown(
        language=language,
        term=concept.preferred(language),
        term_language=language if own else FALLBACK,
        definition=definition or concept.definition_ind or "",
        definition_language=language if definition else FALLBACK,
        url=f"{reverse('search_glossary')}#{concept.key}",
    )


class GlossaryTermBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__(TARGET, **kwargs)

    @cached_property
    def widget(self):
        """Built once, on the first page editor shown: Wagtail's own chooser would keep the
        texts of that editor's language for every other editor; the glossary admin's reads
        them, and the concept's name (``Concept.__str__``), in each editor's."""
        return ConceptChooser(icon=self.meta.icon)

    def deconstruct(self):
        return ("wagtail.snippets.blocks.SnippetChooserBlock", (TARGET,), self._constructor_args[1])

    def bulk_to_python(self, values):
        """The guide's concepts with their terms in two queries, however many it shows."""
        found = Concept.objects.prefetch_related("terms").in_bulk(values)
        return [found.get(value) for value in values]

    def get_searchable_content(self, value):
        """The guide's documents hold the term and definition it shows (a chooser holds an id)."""
        if value is None:
            return []
        found = shown(value, get_language())
        return [found.term, found.definition]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["shown"] = shown(value, get_language()) if value is not None else None
        return context

    class Meta:
        template = "search/blocks/glossary_term.html"
        icon = "help"
        label = _("Glossary term")
