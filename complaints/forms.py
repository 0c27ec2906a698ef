"""The public forms: filing, looking up a code, adding information, reopening, satisfaction."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints import attachments, codes, conf
from complaints.models import Category, Office, Satisfaction
from core.signed_links import FormTokens
from core.widgets import EmailAddressInput, PhoneInput

# The filing form's one-time token: its hash is stored with the complaint, so the same form
# sent twice (a double click, a reload) is stored once.
FORM_TOKENS = FormTokens(
    "complaints.form-token",
    max_age=lambda: conf.get("FORM_MAX_AGE_SECONDS"),
    min_fill=lambda: conf.get("MIN_FILL_SECONDS"),
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Zero or more files, each checked by content (complaints/attachments.py).

    ``clean`` returns a list of (upload, CheckedFile) pairs.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp,application/pdf"}),
        )
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        limit = conf.get("MAX_ATTACHMENTS")
        if len(uploads) > limit:
            raise forms.ValidationError(
                _("You can attach at most %(limit)s files."), code="too_many", params={"limit": limit}
            )
        errors, checked = [], []
        for upload in uploads:
            try:
                checked.append((upload, attachments.check(upload)))
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return checked


def attachments_help():
    return _(
        "Photos (JPEG, PNG, GIF, WebP) or PDF documents, up to %(count)s files of at most %(size)s MB each."
    ) % {
        "count": conf.get("MAX_ATTACHMENTS"),
        "size": conf.get("MAX_ATTACHMENT_BYTES") // (1024 * 1024),
    }


class ComplaintForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What do you want to report?"),
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to report.")},
    )
    office = forms.ModelChoiceField(
        label=_("Which office or service is it about?"),
        queryset=Office.objects.none(),
        empty_label=_("Choose an office or service"),
        error_messages={"required": _("Choose the office or service it is about.")},
    )
    description = forms.CharField(
        label=_("What happened?"),
        help_text=_(
            "Describe what happened, where, and who was involved if you know. Do not include passwords or bank details."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        min_length=20,
        error_messages={
            "required": _("Describe what happened."),
            "min_length": _("Please describe what happened in a few more words (at least 20 characters)."),
            "max_length": _("Please shorten your description to 5,000 characters or fewer."),
        },
    )
    happened_on = forms.DateField(
        label=_("When did it happen?"),
        help_text=_("If you do not know the exact day, choose the closest date."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": _("Enter the date when it happened."),
            "invalid": _("Enter the date as year-month-day, for example 2025-03-17."),
        },
    )
    attachments = AttachmentsField(label=_("Photos or documents"))
    contact_name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        max_length=254,
        widget=EmailAddressInput,
        help_text=_("We send your tracking code and updates to this address."),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    contact_phone = forms.CharField(
        label=_("Your telephone number"), required=False, max_length=40, widget=PhoneInput
    )
    form_token = forms.CharField(widget=forms.HiddenInput)
    # A field people never see; robots fill it in.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.filter(active=True)
        self.fields["attachments"].help_text = attachments_help()

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future")
        return day


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Your tracking code"),
        help_text=_("Sixteen characters in four groups, for example 7KQG-M9XZ-A4RT-0HW6."),
        max_length=40,
        error_messages={"required": _("Enter your tracking code.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )

    def clean_code(self):
        diagnosis = codes.diagnose(self.cleaned_data["code"])
        if diagnosis.ok:
            return diagnosis.code
        raise forms.ValidationError(code_problem(diagnosis), code="bad_code")


def code_problem(diagnosis):
    """A message that says where a typed code looks wrong (as precisely as the checks allow)."""
    if diagnosis.empty:
        return _("Enter your tracking code.")
    if diagnosis.bad_character:
        return _(
            "The character “%(char)s” (character %(position)s) is not used in tracking codes. "
            "Codes use the digits 0 to 9 and the letters A to Z except I, L, O and U."
        ) % {"char": diagnosis.bad_character, "position": diagnosis.bad_position}
    if diagnosis.length != codes.LENGTH:
        return _(
            "A tracking code has 16 characters in four groups of four. The code you entered has %(count)s."
        ) % {"count": diagnosis.length}
    if len(diagnosis.wrong_groups) == 1:
        group = diagnosis.wrong_groups[0]
        return _(
            "Something in group %(group)s (characters %(first)s to %(last)s) looks wrong: a character "
            "may be mistyped, or two neighbouring characters swapped. Please compare that group with your code."
        ) % {"group": group, "first": (group - 1) * 4 + 1, "last": group * 4}
    return _(
        "Groups %(groups)s do not match their check characters: characters may be mistyped or swapped. "
        "Please compare them with your code."
    ) % {"groups": ", ".join(str(group) for group in diagnosis.wrong_groups)}


class AdditionForm(forms.Form):
    text = forms.CharField(
        label=_("Information to add"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": _("Write the information you want to add.")},
    )
    attachments = AttachmentsField(label=_("Photos or documents"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = attachments_help()


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should the complaint be reopened?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Tell us why the complaint should be reopened.")},
    )


class SatisfactionForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with how your complaint was handled?"),
        choices=Satisfaction.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one answer.")},
    )
