"""The glossary and best bets in the Wagtail admin (Snippets → Glossary concepts, Best bets).

A concept is edited with its terms (one row per term and language) and refused when search
could not use it as it is (glossary.validate): a term of another concept, a cycle of
"includes", an expansion into too many words. The reasons are shown above the form.

A new best bet can start from a query (``?language=en&query=kitas``): the reports of what
people could not find link here, so pinning a result to one of their queries is one step.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

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


class BestBetCreateView(CreateView):
    """The create form with the language and query of the address filled in; the editor
    chooses the page (or gives an address) and saves. Started from a report (``next``, an
    address of this site), saving returns there, so the editor goes on down the list."""

    def next_url(self):
        return get_valid_next_url_from_request(self.request)

    def get_add_url(self):
        url = super().get_add_url()
        if not self.next_url():
            return url
        return f"{url}{'&' if '?' in url else '?'}{urlencode({'next': self.next_url()})}"

    def get_success_url(self):
        return self.next_url() or super().get_success_url()

    def get_initial_form_instance(self):
        language = self.request.GET.get("language", "")
        query = " ".join(self.request.GET.get("query", "").split())
        if language not in dict(settings.LANGUAGES) and not query:
            return super().get_initial_form_instance()
        instance = BestBet(query=query[: BestBet._meta.get_field("query").max_length])
        if language in dict(settings.LANGUAGES):
            instance.language = language
        return instance


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    add_view_class = BestBetCreateView
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
