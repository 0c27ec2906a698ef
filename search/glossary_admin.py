"""The glossary and best bets in the Wagtail admin (Snippets → Glossary concepts, Best bets).

A concept is edited with its terms (one row per term and language) and refused when search
could not use it as it is (glossary.validate): a term of another concept, a cycle of
"includes", an expansion into too many words. The reasons are shown above the form. A
translator (a group "Glossary translators (<language>)") changes the terms and the definition
of their language only: the rest of the form is shown, read-only, as the source.

A new best bet can start from a query (``?language=en&query=kitas``): the reports of what
people could not find link here, so pinning a result to one of their queries is one step.

Both lists are searched as search compares words: the glossary by the concepts' terms in
every language (and their keys), the best bets by query, title, address, page title and
concept. The best bets list shows whether each bet is shown now, and why not.
"""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

from search import glossary
from search.models import BestBet, Concept, Term, kept_languages, language_name_lazy, query_key
from search.text import arabic_core, phrase, words

# Text typed in any of the four languages, Arabic included: the browser sets its direction
# from its first letters (as the "add as a term" form does, search/term_admin.py).
AUTO_DIRECTION = {"dir": "auto"}


# Wagtail's msgids, passed through a name so they are looked up in its catalogues.
CHOOSE_ONE, CHOOSE_ANOTHER, LINK_TO_CHOSEN = (
    "Choose %(object)s",
    "Choose another %(object)s",
    "Edit this %(object)s",
)


def _translated(message, model):
    """Wagtail's chooser label for ``model`` ("Choose %(object)s"), translated when shown: the
    widget is built once, at start-up, so Wagtail's own label stayed in the language of the
    process (Indonesian) in every admin language."""
    return lazy(lambda: gettext(message) % {"object": model._meta.verbose_name}, str)()


class ConceptChooser(AdminSnippetChooser):
    def __init__(self, **kwargs):
        super().__init__(model=Concept, **kwargs)
        self.choose_one_text = _translated(CHOOSE_ONE, Concept)
        self.choose_another_text = _translated(CHOOSE_ANOTHER, Concept)
        self.link_to_chosen_text = _translated(LINK_TO_CHOSEN, Concept)


def matching_concepts(text):
    """The ids of the concepts a search of the glossary list finds: each word typed (as search
    compares words: any case, Arabic spelling normalised, Chinese in pairs) is in one of the
    concept's terms, in any language, or in its key. An Arabic word also matches by its core
    ("التذكرة" finds "تذكرة العودة"). Read in Python, the same on SQLite and PostgreSQL."""
    wanted = [{word, arabic_core(word)} for word in dict.fromkeys(words(text))]
    if not wanted:
        return []
    texts = {}
    for concept_id, key in Concept.objects.values_list("pk", "key"):
        texts[concept_id] = [phrase(key)]
    for concept_id, term in Term.objects.values_list("concept_id", "text"):
        texts.setdefault(concept_id, []).append(phrase(term))
    return [
        concept_id
        for concept_id, phrases in texts.items()
        if all(any(form in text for form in forms_ for text in phrases) for forms_ in wanted)
    ]


class ConceptIndexView(IndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(pk__in=matching_concepts(self.search_query))


class ConceptForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        """The "includes" and "see also" lists name every concept by its terms (Concept.label):
        read with them, not two queries per concept and list."""
        super().__init__(*args, **kwargs)
        for name in ("includes", "see_also"):
            self.fields[name].queryset = self.fields[name].queryset.prefetch_related("terms")
        if self.for_user is not None:
            languages = kept_languages(self.for_user)
            if len(languages) < len(settings.LANGUAGES):
                self._keep_only(languages)

    def _keep_only(self, languages):
        """A translator's form: only the terms and the definition of ``languages`` can change.
        Every other field is disabled, so it is shown and what is posted for it is ignored
        (Django keeps its stored value); a new term may be written in those languages only."""
        for name, field in self.fields.items():
            if not any(name == build_localized_fieldname("definition", code) for code in languages):
                field.disabled = True
        formset = self.formsets["terms"]
        choices = [choice for choice in Term._meta.get_field("language").choices if choice[0] in languages]

        def foreign(form):
            return form.instance.pk and form.instance.language not in languages

        class TermForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if not foreign(self):
                    self.fields["language"].choices = choices

        # Before the rows are built (``forms`` is built once, when first read): the blank row
        # Wagtail copies for a new term is built from it too.
        formset.form = TermForm
        for form in filter(foreign, formset.forms):
            for field in form.fields.values():  # ORDER and DELETE included: kept as stored
                field.disabled = True

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
    index_view_class = ConceptIndexView
    icon = "help"
    menu_label = _("Glossary")
    list_display = ["__str__", "key"]
    search_fields = ["key"]  # shows the search box; ConceptIndexView searches the terms too
    edit_handler = ObjectList(
        [
            FieldPanel("key"),
            InlinePanel(
                "terms",
                label=_("Terms"),
                min_num=1,
                panels=[
                    FieldPanel("language"),
                    FieldPanel("text", widget=forms.TextInput(attrs=AUTO_DIRECTION)),
                    FieldPanel("kind"),
                ],
            ),
            MultiFieldPanel(
                [
                    # Each under its language's name in the admin's language, not "[ind]".
                    FieldPanel(
                        build_localized_fieldname("definition", code), heading=language_name_lazy(code)
                    )
                    for code, _name in settings.LANGUAGES
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


def matching_bets(text):
    """What a search of the best bets list finds: the query (as compared, or as written), the
    title, the address, the page's title in any language, or a concept the text finds."""
    text = " ".join(text.split())
    found = Q(query__icontains=text) | Q(title__icontains=text) | Q(url__icontains=text)
    if key := query_key(text):
        found |= Q(query_key__contains=key)
    titles = Q()
    for code, _name in settings.LANGUAGES:
        titles |= Q(**{f"{build_localized_fieldname('title', code)}__icontains": text})
    found |= Q(page__in=Page.objects.filter(titles).values("pk"))
    return found | Q(concept__in=matching_concepts(text))


class BestBetIndexView(IndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(matching_bets(self.search_query))


class BestBetViewSet(SnippetViewSet):
    model = BestBet
    add_view_class = BestBetCreateView
    index_view_class = BestBetIndexView
    icon = "pick"
    menu_label = _("Best bets")
    list_display = [
        "__str__",
        "language",
        Column("status", label=_("Status"), accessor="status_label"),
        "position",
        "starts",
        "ends",
    ]
    list_filter = ["language"]
    search_fields = ["query"]  # shows the search box; BestBetIndexView searches the rest too
    panels = [
        FieldPanel("language"),
        FieldPanel("query", widget=forms.TextInput(attrs=AUTO_DIRECTION)),
        FieldPanel("concept", widget=ConceptChooser()),
        FieldPanel("page"),
        # Not type="url": the browser would refuse a path of this site with its own words, before
        # the form can say to choose the page instead.
        FieldPanel("url", widget=forms.TextInput(attrs={"dir": "ltr", "inputmode": "url"})),
        FieldPanel("title", widget=forms.TextInput(attrs=AUTO_DIRECTION)),
        FieldPanel("position"),
        FieldPanel("starts"),
        FieldPanel("ends"),
    ]

    def get_queryset(self, request):
        # The page's state in the same query as the bets: the status column reads it.
        return BestBet.objects.with_page_state().select_related("page", "concept")
