"""Inputs for personal details, the same on every form: the right keyboard on phones, what
browsers may fill in for the person, and left-to-right digits and addresses inside Arabic
pages (an email address or "+62 812..." laid out right to left scrambles)."""

from django import forms
from django.conf import settings


class EmailAddressInput(forms.EmailInput):
    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "email", "dir": "ltr", "spellcheck": "false", **(attrs or {})})


class PhoneInput(forms.TextInput):
    input_type = "tel"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "tel", "dir": "ltr", **(attrs or {})})


class MarkedSelect(forms.Select):
    """A list whose options are names in a language of their own (languages, each named in
    itself; Indonesian provinces): each option says its ``lang`` and is isolated, so a screen
    reader pronounces "Bahasa Indonesia" in Indonesian inside an Arabic page.
    ``languages`` maps an option's value to its language; options it leaves out (or ``default``
    when given) are the reader's text."""

    def __init__(self, attrs=None, choices=(), languages=None, default=None):
        super().__init__(attrs, choices)
        self.languages, self.default = dict(languages or {}), default

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        language = self.languages.get(value, self.default if value else None)
        if language:
            option["attrs"].update({"lang": language, "dir": "auto"})
        return option


class LanguageSelect(MarkedSelect):
    """A choice of the site's languages (settings.LANGUAGES), each named in itself."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs, choices, languages={code: code for code, _name in settings.LANGUAGES})
