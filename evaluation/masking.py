"""Personal data in free-text comments is masked before it is stored.

People are asked not to write personal details, and some do anyway: an email
address, a phone number, a passport or identity number. These patterns catch
them in any script (``\\d`` also matches Arabic-Indic and other digits) and
replace them with a neutral marker, so what is stored and shown to editors never
holds them. Masking errs on the side of hiding: a long number that was only an
order number is hidden too.
"""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Passport-like: one or two letters then 6 to 8 digits (A1234567, a1234567, AB 123456);
# a space is allowed after capitals only, so "is 500000" stays as written.
PASSPORT = re.compile(r"\b(?:[A-Z]{1,2}[ -]?|[A-Za-z]{1,2})\d{6,8}\b")
# Phone and identity numbers: 8 or more digits, possibly with +, spaces, dots, dashes, brackets.
LONG_NUMBER = re.compile(r"\+?\d[\d\s().\-\u00a0]{6,}\d")

MARKERS = {"email": "[email]", "number": "[number]"}


def mask_personal_data(text):
    """The text with emails, phone, passport and identity numbers replaced."""
    if not text:
        return text
    text = EMAIL.sub(MARKERS["email"], text)
    text = PASSPORT.sub(MARKERS["number"], text)

    def number(match):
        digits = sum(character.isdigit() for character in match.group())
        return MARKERS["number"] if digits >= 8 else match.group()

    return LONG_NUMBER.sub(number, text)
