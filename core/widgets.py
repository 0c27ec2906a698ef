"""Inputs for personal details, the same on every form: the right keyboard on phones, what
browsers may fill in for the person, and left-to-right digits and addresses inside Arabic
pages (an email address or "+62 812..." laid out right to left scrambles)."""

from django import forms


class EmailAddressInput(forms.EmailInput):
    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "email", "dir": "ltr", "spellcheck": "false", **(attrs or {})})


class PhoneInput(forms.TextInput):
    input_type = "tel"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "tel", "dir": "ltr", **(attrs or {})})
