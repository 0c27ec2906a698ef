"""The forums' public forms. Posting forms carry a honeypot and a signed time stamp: a form
sent back too fast is a robot's; an expired one is sent again with what was typed kept."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from core.signed_links import FormTokens, LinkError
from core.widgets import LanguageSelect
from forums import conf
from forums.accounts import clean_display_name
from forums.models import FlagReason, ThreadKind

FORM_TOKENS = FormTokens(
    "forums.form-token",
    max_age=lambda: conf.get("FORM_MAX_AGE_SECONDS"),
    min_fill=lambda: conf.get("MIN_FILL_SECONDS"),
)


class PostingForm(forms.Form):
    """Base of the forms that create posts: text, honeypot, minimum fill time."""

    body = forms.CharField(
        label=_("Your message"),
        help_text=_("You can use **bold**, _italic_, lists, quotes (>) and links [text](https://…)."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your message.")},
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)
    # A field people never see; robots fill it in.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = conf.get("MAX_POST_LENGTH")
        body = self.fields["body"]
        body.max_length = limit
        body.widget.attrs["maxlength"] = str(limit)
        body.validators.append(MaxLengthValidator(limit))
        body.error_messages["max_length"] = _(
            "Please shorten your message to %(limit)s characters or fewer."
        ) % {"limit": limit}

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) < 2:
            raise forms.ValidationError(_("Write your message."), code="required")
        return body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("We could not accept this form. Please check it and send it again.")
            )
        try:
            token = FORM_TOKENS.read(cleaned.get("form_token"))
        except LinkError:
            raise forms.ValidationError(
                _("This form has expired. Your text is kept: please send it again."), code="expired"
            ) from None
        if token.too_fast:
            raise forms.ValidationError(
                _("The form was sent very quickly. Please check your message and send it again."), code="fast"
            )
        if not FORM_TOKENS.spend(token):
            raise forms.ValidationError(
                _("This form was sent already. Your text is kept: check it and send it again."), code="used"
            )
        return cleaned


class ThreadForm(PostingForm):
    kind = forms.ChoiceField(
        label=_("What would you like to post?"),
        choices=ThreadKind.choices,
        widget=forms.RadioSelect,
        initial=ThreadKind.QUESTION,
        error_messages={"required": _("Choose a question, feedback or a suggestion.")},
    )
    title = forms.CharField(
        label=_("Title"),
        help_text=_("One sentence, for example: Can I extend a visit visa twice?"),
        max_length=200,
        min_length=8,
        error_messages={
            "required": _("Write a title."),
            "min_length": _("Please write a title of at least 8 characters."),
        },
    )
    field_order = ["kind", "title", "body"]


class ReplyForm(PostingForm):
    official = forms.BooleanField(
        label=_("Post as the official answer of the immigration service"), required=False
    )

    def __init__(self, *args, official_allowed=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Your reply")
        if not official_allowed:
            del self.fields["official"]


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why are you reporting this post?"), choices=FlagReason.choices)


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=60, min_length=2)
    language = forms.ChoiceField(
        label=_("Language of the emails"), choices=settings.LANGUAGES, widget=LanguageSelect
    )
    notify_replies = forms.BooleanField(
        label=_("Email me when someone replies to my threads"), required=False
    )

    def __init__(self, *args, member=None, **kwargs):
        self.member = member
        super().__init__(*args, **kwargs)

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"], exclude_member=self.member)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to confirm.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("The password is not correct."), code="wrong")
        return self.cleaned_data["password"]
