"""Forms of the evaluation app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("What can we do better? (optional)"),
        help_text=_("Please do not write your name, email, phone or passport number: we cannot answer here."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    token = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )


class SurveyForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied were you with the session?"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=[
            (5, _("Very satisfied")),
            (4, _("Satisfied")),
            (3, _("Neither satisfied nor dissatisfied")),
            (2, _("Dissatisfied")),
            (1, _("Very dissatisfied")),
        ],
        error_messages={"required": _("Choose one answer.")},
    )
    useful = forms.CharField(
        label=_("What was useful? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    improve = forms.CharField(
        label=_("What should we improve? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
