"""Forms of the events app: calendar filters, registration, changing a registration."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from agenda import conf
from agenda.choices import EVENT_LANGUAGES, KINDS, PROVINCES, REGISTRATION_KINDS
from cms.models import Audience, TopicPage
from core.widgets import EmailAddressInput, LanguageSelect, MarkedSelect, PhoneInput

# An event language's option is named in that language (the sign language in Indonesian).
EVENT_LANGUAGE_MARKS = {code: "id" if code == "bsl" else code for code, _name in EVENT_LANGUAGES}


class GroupSizeLimit:
    """Caps ``people`` at the session's seats, or at ``MAX_GROUP_SIZE`` (agenda/conf.py) when
    that is lower, read for each form rather than when the class is defined, so operators
    and tests can retune it. A group larger than the session is told how many seats it has."""

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit = conf.get("MAX_GROUP_SIZE")
        field = self.fields["people"]
        if session is not None and session.capacity < limit:
            limit = session.capacity
            field.error_messages["max_value"] = ngettext_lazy(
                "This session has %(limit_value)s seat in all. For a larger group, please contact the organisers.",
                "This session has %(limit_value)s seats in all. For a larger group, please contact the organisers.",
                "limit_value",
            )
        field.max_value = limit
        field.validators.append(MaxValueValidator(limit))
        field.widget.attrs["max"] = limit


class CalendarFilterForm(forms.Form):
    """Filters of the calendar, month view and feeds. Unknown values are reported, then ignored."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    region = forms.ChoiceField(
        label=_("Province"), required=False, widget=MarkedSelect(languages={"online": None}, default="id")
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    language = forms.ChoiceField(
        label=_("Language spoken"), required=False, widget=MarkedSelect(languages=EVENT_LANGUAGE_MARKS)
    )
    audience = forms.ChoiceField(label=_("For"), required=False)

    FIELDS = ("topic", "region", "kind", "language", "audience")

    def __init__(self, data=None, **kwargs):
        data = {name: value for name, value in (data or {}).items() if name in self.FIELDS}
        super().__init__(data, **kwargs)
        anything = [("", _("Any"))]
        topics = TopicPage.objects.live().public().order_by("title")
        self.fields["topic"].choices = anything + [(topic.slug, topic.title) for topic in topics]
        self.fields["region"].choices = anything + [("online", _("Online"))] + PROVINCES
        self.fields["kind"].choices = anything + KINDS
        self.fields["language"].choices = anything + EVENT_LANGUAGES
        self.fields["audience"].choices = anything + list(Audience.CHOICES)

    def chosen(self):
        """The valid filters chosen, as a dict; invalid ones are left out."""
        if self.is_valid():
            return {name: value for name, value in self.cleaned_data.items() if value}
        return {
            name: self.data[name] for name in self.FIELDS if self.data.get(name) and name not in self.errors
        }


class RegistrationForm(GroupSizeLimit, forms.Form):
    kind = forms.ChoiceField(
        label=_("Who is coming?"), choices=REGISTRATION_KINDS, widget=forms.RadioSelect, initial="individual"
    )
    name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    organisation = forms.CharField(
        label=_("Name of the group or organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    people = forms.IntegerField(
        label=_("Number of people, including you"),
        min_value=1,
        initial=1,
        error_messages={
            "max_value": _("For more than %(limit_value)s people, please contact the organisers."),
            "min_value": _("At least one person."),
            "invalid": _("Enter a number, for example 4."),
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=EmailAddressInput,
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False, widget=PhoneInput)
    language = forms.ChoiceField(
        label=_("Language of our emails"),
        choices=settings.LANGUAGES,
        widget=LanguageSelect,
    )
    accessibility_needs = forms.CharField(
        label=_("Anything we should prepare so you can take part? (optional)"),
        help_text=_("For example a sign language interpreter, step-free access or large print."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    join_waitlist = forms.BooleanField(
        label=_("If there are not enough seats, put us on the waitlist"), required=False, initial=True
    )
    consent = forms.BooleanField(
        label=_("I agree that the immigration office keeps these details to run this event."),
        error_messages={"required": _("We need your agreement to keep your details for the event.")},
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == "group":
            if not cleaned.get("organisation"):
                self.add_error("organisation", _("Give the name of the group or organisation."))
        elif cleaned.get("people", 1) != 1 and "people" not in self.errors:
            self.add_error("people", _("To register more than one person, choose “A community group”."))
        return cleaned

    def details(self):
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "name": data["name"],
            "organisation": data["organisation"] if data["kind"] == "group" else "",
            "people": data["people"],
            "email": data["email"],
            "phone": data["phone"],
            "language": data["language"],
            "accessibility_needs": data["accessibility_needs"],
            "consent": True,
        }


class ResizeForm(GroupSizeLimit, forms.Form):
    people = forms.IntegerField(
        label=_("Number of people"),
        min_value=1,
        error_messages={
            "invalid": _("Enter a number, for example 4."),
            "min_value": _("At least one person."),
        },
    )


class OrganiserMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)
    include_waitlist = forms.BooleanField(label=_("Also send to people on the waitlist"), required=False)


class ResendLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=EmailAddressInput,
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
    )
