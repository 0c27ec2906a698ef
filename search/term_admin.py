"""Adding a query people typed to the glossary, in one step from the reports of what they could
not find ("add as a term"), and the links those reports show.

The editor picks an existing concept (listed by its preferred term in the query's language)
and the kind of term; the new term is checked as the concept's form checks it
(glossary.validate: a term of another concept, one listed twice, an expansion into too many
words) and refused with the reason, the typed values kept. Saving the term bumps the
glossary's stamp (search/signals.py), so the next search uses it. The query and its
language stay editable: an Indonesian permit name typed on the English site belongs to the
Indonesian terms, and a masked, lower-cased query may need its capitals back ("KITAS").

Adding a term changes a concept, so it needs the right to change concepts (terms are edited
inside the concept's form and have no permission of their own in Wagtail's groups), and a
translator adds terms in their own language only (search/models.py ``kept_languages``); a best
bet needs the right to add best bets. The reports show only the links the editor can use.
"""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from core.permissions import AdminPermissionRequired
from search import glossary
from search.models import BestBet, Concept, Term, kept_languages

TERM_PERMISSION = "search.change_concept"
BEST_BET_PERMISSION = "search.add_bestbet"
URL_NAME = "search_admin_add_term"


def can_add_term(user):
    return user.has_perm(TERM_PERMISSION)


def can_add_best_bet(user):
    return user.has_perm(BEST_BET_PERMISSION)


def best_bet_url(language, query, back=""):
    """The best bet's create form with the query and its language filled in; ``back`` is where
    to return after saving."""
    add = reverse(BestBet.snippet_viewset.get_url_name("add"))
    params = {"language": language, "query": query}
    if back:
        params["next"] = back
    return f"{add}?{urlencode(params)}"


def term_url(language, query, back=""):
    """The "add as a term" form for a query; ``back`` is where to return after saving."""
    params = {"language": language, "query": query}
    if back:
        params["next"] = back
    return f"{reverse(URL_NAME)}?{urlencode(params)}"


def concept_choices(language):
    """Every concept as (id, its preferred term in ``language``), in the order of those terms;
    the Indonesian term beside it when the concept has none in that language."""
    choices = [
        (str(concept.pk), concept.label(language)) for concept in Concept.objects.prefetch_related("terms")
    ]
    return sorted(choices, key=lambda choice: choice[1].casefold())


class AddTermForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Term"),
        max_length=Term._meta.get_field("text").max_length,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    concept = forms.TypedChoiceField(label=gettext_lazy("Concept"), coerce=int)
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of term"),
        choices=[(kind, label) for kind, label in Term.KINDS if kind != Term.PREFERRED],
        initial="variant",
    )

    def __init__(self, *args, language=glossary.FALLBACK, languages=None, **kwargs):
        """``languages``: those the term may be written in (a translator's own, kept_languages)."""
        super().__init__(*args, **kwargs)
        self.fields["concept"].choices = [("", "---------"), *concept_choices(language)]
        if languages is not None:
            self.fields["language"].choices = [
                choice for choice in settings.LANGUAGES if choice[0] in languages
            ]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        concept = Concept.objects.prefetch_related("terms").filter(pk=cleaned["concept"]).first()
        if concept is None:  # deleted since the form was shown
            self.add_error("concept", _("This concept no longer exists."))
            return cleaned
        terms = [(term.language, term.text, term.kind) for term in concept.terms.all()]
        terms.append((cleaned["language"], cleaned["text"], cleaned["kind"]))
        includes = list(concept.includes.values_list("pk", flat=True))
        try:
            glossary.validate(concept.pk, terms, includes)
        except ValidationError as error:
            for message in error.messages:
                self.add_error(None, message)
        cleaned["concept"] = concept
        return cleaned

    @transaction.atomic
    def save(self):
        concept = self.cleaned_data["concept"]
        last = concept.terms.aggregate(last=Max("sort_order"))["last"]
        return Term.objects.create(
            concept=concept,
            language=self.cleaned_data["language"],
            text=self.cleaned_data["text"],
            kind=self.cleaned_data["kind"],
            sort_order=0 if last is None else last + 1,
        )


class AddTermView(AdminPermissionRequired, FormView):
    permission_required = TERM_PERMISSION
    template_name = "search/admin/add_term.html"
    form_class = AddTermForm

    def language(self):
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        language = source.get("language", "")
        return language if language in dict(settings.LANGUAGES) else glossary.FALLBACK

    def next_url(self):
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        url = source.get("next", "")
        if url and url_has_allowed_host_and_scheme(url, {self.request.get_host()}):
            return url
        return ""

    def get_initial(self):
        return {"text": " ".join(self.request.GET.get("query", "").split()), "language": self.language()}

    def get_form_kwargs(self):
        languages = kept_languages(self.request.user)
        return {**super().get_form_kwargs(), "language": self.language(), "languages": languages}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=_("Add a query to the glossary"),
            header_icon="help",
            next=self.next_url(),
            new_concept_url=reverse(Concept.snippet_viewset.get_url_name("add")),
        )
        return context

    def form_valid(self, form):
        term = form.save()
        messages.success(
            self.request,
            _("“%(term)s” is now a term of “%(concept)s”.")
            % {"term": term.text, "concept": term.concept.preferred(term.language)},
        )
        return redirect(
            self.next_url() or reverse(Concept.snippet_viewset.get_url_name("edit"), args=[term.concept_id])
        )
