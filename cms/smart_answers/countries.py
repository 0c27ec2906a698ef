"""Countries named in the reader's language, from the locale data (Babel/CLDR).

Nobody types a country list by hand: CLDR names every territory in every language we
publish in. Only two-letter codes that are countries or territories people hold
passports of are offered; CLDR's groupings (EU, UN, "Unknown region") are not.
"""

from functools import cache

from babel import Locale
from django.utils import translation

NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


@cache
def _names(locale):
    territories = Locale.parse(locale).territories
    names = {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    }
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))


def country_names(language=None):
    """{code: name} in ``language`` (the active one by default), sorted by name."""
    return _names(translation.to_locale(language or translation.get_language() or "id"))


def is_country(code):
    return code in _names("en")


def country_name(code, language=None):
    return country_names(language).get(code, code)
