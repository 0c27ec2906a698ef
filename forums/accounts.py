"""django-allauth, adapted: a display name and language at sign-up, emails through the outbox.

Sign-up asks for the email address, a password, the public display name and the
language for emails; the account can post once the address is verified (allauth
with ``ACCOUNT_EMAIL_VERIFICATION = "mandatory"``). allauth's emails go through
core.emails.queue_email like every other email, so a mail server that is down
delays them instead of failing the sign-up.
"""

import re
import unicodedata

from allauth.account.adapter import DefaultAccountAdapter
from confusables import confusable_regex, is_confusable
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.emails import queue_email
from core.widgets import LanguageSelect
from forums.models import MODERATORS_GROUP, OFFICIALS_GROUP, Member

# Words that claim a role, in the site's Latin-script languages: a member's name may not
# contain them in any spelling ("0ffiсial" with a zero and a Cyrillic s included).
ROLE_WORDS = ("official", "officer", "moderator", "admin", "imigrasi", "immigration", "petugas", "resmi")
ROLE_PATTERNS = [re.compile(confusable_regex(word), re.IGNORECASE) for word in ROLE_WORDS]


def _is_staff(member):
    return (
        member is not None
        and member.user.groups.filter(name__in=[OFFICIALS_GROUP, MODERATORS_GROUP]).exists()
    )


def mistaken_for_staff(name, member=None):
    """Could readers take ``name`` for an official's or a moderator's? Names that contain a
    role word, or that look like a staff member's name (Unicode confusables), are refused
    for everyone but the staff themselves."""
    if _is_staff(member):
        return False
    lowered = name.casefold()
    if any(pattern.search(lowered) for pattern in ROLE_PATTERNS):
        return True
    staff_names = Member.objects.filter(user__groups__name__in=[OFFICIALS_GROUP, MODERATORS_GROUP])
    if member is not None:
        staff_names = staff_names.exclude(pk=member.pk)
    return any(
        is_confusable(lowered, other.casefold())
        for other in staff_names.values_list("display_name", flat=True)
    )


def clean_display_name(value, exclude_member=None):
    """The name as others will see it: one space between words, and without invisible
    format characters (bidi overrides, zero-width joiners). U+202E + "anI laiciffO"
    rendered as "Official Ina" and reversed the rest of the line."""
    visible = "".join(character for character in value if unicodedata.category(character) != "Cf")
    name = " ".join(visible.split())
    if len(name) < 2:
        raise forms.ValidationError(_("Choose a name of at least 2 visible characters."), code="invisible")
    taken = Member.objects.filter(display_name__iexact=name)
    if exclude_member is not None:
        taken = taken.exclude(pk=exclude_member.pk)
    if taken.exists():
        raise forms.ValidationError(_("This display name is taken. Please choose another."), code="taken")
    if mistaken_for_staff(name, exclude_member):
        raise forms.ValidationError(
            _(
                "Readers could mistake this name for one of the forum's officials or moderators. Please choose another."
            ),
            code="staff",
        )
    return name


class MemberSignupForm(forms.Form):
    """Extra sign-up fields (allauth's signup form inherits from this class)."""

    display_name = forms.CharField(
        label=_("Display name"),
        help_text=_("Shown with your posts. Do not use your full name if you prefer not to."),
        max_length=60,
        min_length=2,
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"), choices=settings.LANGUAGES, widget=LanguageSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()
        self.fields["display_name"].widget.attrs["autocomplete"] = "nickname"

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user):
        Member.objects.create(
            user=user,
            display_name=self.cleaned_data["display_name"],
            language=self.cleaned_data["language"],
        )


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        queue_email(email, message.subject, message.body)
