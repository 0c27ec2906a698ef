"""Forms of the moderators' admin views; every action asks why."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.models import Board, SuggestionStatus, Thread


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason shown to readers in place of the post"),
        max_length=300,
        error_messages={"required": _("Give the reason readers will see.")},
    )


class EditForm(forms.Form):
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10000)
    reason = forms.CharField(label=_("Reason for the change"), max_length=300)


class MoveForm(forms.Form):
    board = forms.ModelChoiceField(label=_("Move to board"), queryset=Board.objects.select_related("topic"))
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Merge into thread number"), queryset=Thread.objects.all(), widget=forms.NumberInput
    )
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class SuggestionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Suggestion status"), choices=SuggestionStatus.choices)
    reason = forms.CharField(
        label=_("Reason (required when declining; shown to the public)"), max_length=2000, required=False
    )


class BanForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the ban"), max_length=300)
