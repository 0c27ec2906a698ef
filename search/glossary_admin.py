"""The glossary and best bets in the Wagtail admin (Snippets → Glossary concepts, Best bets).

A concept is edited with its terms (one row per term and language) and refused when search
could not use it as it is (glossary.validate): a term of another concept, a cycle of
"includes", an expansion into too many words. The reasons are shown above the form.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from search import glossary
from search.models import BestBet, Concept


class ConceptForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets["terms"]
        if not formset.is_valid():  # cleans the rows; their own errors are shown with them
            return cleaned
        terms = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data and not data.get("DELETE") and data.get("text"):
                terms.append((data["language"], data["text"], data["kind"]))
        includes = [concept.pk for concept in cleaned.get("includes") or []]
        try:
            glossary.validate(self.instance.pk, terms, includes)
        except ValidationError as error:
            for message in error.messages:
                self.add_error(None, message)
        return cleaned


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "help"
    menu_label = _("Glossary")
    list_display = ["__str__", "key"]
    search_fields = ["key"]
    edit_handler = ObjectList(
        [
            FieldPanel("key"),
            InlinePanel("terms", label=_("Terms"), min_num=1),
            MultiFieldPanel(
                [
                    FieldPanel("definition_ind"),
                    FieldPanel("definition_en"),
                    FieldPanel("definition_ar"),
                    FieldPanel("definition_zh_hans"),
                ],
                heading=_("Short definition"),
            ),
            FieldPanel("includes"),
            FieldPanel("see_also"),
        ],
        base_form_class=ConceptForm,
    )


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    icon = "pick"
    menu_label = _("Best bets")
    list_display = ["__str__", "language", "position", "starts", "ends"]
    list_filter = ["language"]
    panels = [
        FieldPanel("language"),
        FieldPanel("query"),
        FieldPanel("concept"),
        FieldPanel("page"),
        FieldPanel("url"),
        FieldPanel("title"),
        FieldPanel("position"),
        FieldPanel("starts"),
        FieldPanel("ends"),
    ]
