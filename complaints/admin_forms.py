"""Forms of the staff's complaint views in the Wagtail admin."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from complaints.models import NEXT_STATUSES, Category, Office, Status


def handlers():
    """Active users who may handle complaints (through a group, directly, or as superusers)."""
    permission = Permission.objects.filter(content_type__app_label="complaints", codename="handle_complaint")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True) | Q(groups__permissions__in=permission) | Q(user_permissions__in=permission)
        )
        .distinct()
        .order_by("username")
    )


class QueueFilterForm(forms.Form):
    AGES = [
        ("", _("Any age")),
        ("new", _("Within the first-response target")),
        ("overdue", _("Overdue for a first response")),
        ("week", _("Received in the last 7 days")),
        ("old", _("Received more than 30 days ago")),
    ]
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All"))] + Category.choices
    )
    office = forms.ModelChoiceField(
        label=_("Office"), required=False, queryset=Office.objects.all(), empty_label=_("All")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("open", _("Open (not resolved)"))] + Status.choices,
    )
    age = forms.ChoiceField(label=_("Age"), required=False, choices=AGES)
    assigned = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        choices=[("", _("Anyone")), ("me", _("To me")), ("nobody", _("Not assigned"))],
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = handlers()


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    public_note = forms.CharField(
        label=_("Public note"),
        help_text=_(
            "The complainant sees this note with the new status. For a rejection, give the reason. Do not include personal data."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Write a public note: the complainant sees it with the new status.")},
    )

    def __init__(self, complaint, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status, Status(status).label) for status in NEXT_STATUSES[complaint.status]
        ]


class InternalNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"),
        help_text=_("Only staff who handle complaints see internal notes."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=40)
