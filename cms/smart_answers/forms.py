"""The form of the question a reader is on: one field, rendered, never validated here.

The form exists to render the question (radios, checkboxes, a country list, a date or
number box) and to give the page's error summary its field and message. Whether an
answer is usable is decided by the walk alone (``flow.parse_answer``, and a skipped
step), which hands the form its message, so the two can never disagree.
"""

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from .countries import country_names
from .flow import query_value


def widget_for(step):
    if step.kind == "choice":
        return forms.RadioSelect(choices=step.options())
    if step.kind == "multiple_choice":
        return forms.CheckboxSelectMultiple(choices=step.options())
    if step.kind == "country":
        return forms.Select(choices=[("", _("Select a country"))] + list(country_names().items()))
    if step.kind == "date":
        return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    return forms.TextInput(attrs={"inputmode": "numeric", "class": "input--short"})


class QuestionForm(forms.Form):
    def __init__(self, step, *args, chosen=None, error=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        self.fields[step.key] = forms.Field(
            label=step.value["question"],
            help_text=step.value.get("hint") or "",
            widget=widget_for(step),
            required=False,  # no browser check: the flow's own message, in the reader's language
        )
        if chosen is not None:
            values = chosen if isinstance(chosen, tuple) else (chosen,)
            initial = [query_value(value) for value in values]
            self.initial[step.key] = initial if step.kind == "multiple_choice" else initial[0]
        # The walk's verdict stands for the form's own cleaning (which would know no flow).
        self._errors = ErrorDict({step.key: self.error_class([error])} if error else {})
        self.cleaned_data = {}
        self.describe()

    def describe(self):
        """Tie the hint and the error to a single input (a fieldset's legend does it for choices)."""
        field = self[self.step.key]
        ids = []
        if field.help_text:
            ids.append(f"{field.auto_id}-hint")
        if self.step.kind == "date":
            ids.append(f"{field.auto_id}-format")
        if self.errors:
            ids.append(f"{field.auto_id}-error")
            field.field.widget.attrs["aria-invalid"] = "true"
        if ids and self.step.kind not in ("choice", "multiple_choice"):
            field.field.widget.attrs["aria-describedby"] = " ".join(ids)

    @property
    def field(self):
        return self[self.step.key]
