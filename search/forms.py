"""The search form: any text is a valid query; bad paging or filters are corrected, not refused."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.engines.base import MAX_QUERY_LENGTH, PER_PAGE, clean_query

MAX_PAGE = 10_000 // PER_PAGE


class FilterField(forms.MultipleChoiceField):
    """Facet values come from links; an unknown value is not an error, it matches nothing."""

    def valid_value(self, value):
        return len(value) <= 100


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = FilterField(required=False)
    topic = FilterField(required=False)
    audience = FilterField(required=False)
    upcoming = forms.BooleanField(required=False)
    typed = forms.BooleanField(required=False)  # search as typed, not corrected (SearchQuery.as_typed)
    page = forms.CharField(required=False)

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q", ""))[:MAX_QUERY_LENGTH]

    def clean_page(self):
        try:
            # Engines do not page past 10,000 results; beyond that, refine the query.
            return max(1, min(int(self.cleaned_data.get("page") or 1), MAX_PAGE))
        except ValueError:
            return 1
