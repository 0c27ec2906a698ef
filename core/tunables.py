"""The tunable numbers of every app (rate limits, offer hours, retention periods, SLA days...):
declared with their defaults in the app, set by operators in one way, checked at start-up.

An app declares its tunables in its ``conf.py``::

    TUNABLES = declare("forums", Count("POST_LIMIT", 10, "posts per member per window"), ...)

and offers them on the ``register_tunables`` Wagtail hook (its ``wagtail_hooks.py``), so the
core knows every app's tunables without importing any app. A value comes from, first found:

1. the Django setting ``SINERGI_LIMITS = {"forums": {"POST_LIMIT": 20}}`` (settings files, tests);
2. the environment variable ``SINERGI_FORUMS_POST_LIMIT=20`` (operators);
3. the default the app declared.

Values are read when used, never at import time, so ``override_settings`` and pytest-django's
``settings`` fixture change them. ``validate()`` runs at start-up (``core.apps``): a value that
is not of its kind (negative, not a number, a malformed rate) or a name no app declared stops
start-up with an ImproperlyConfigured naming it in one line. docs/configuration.md lists them
all (a test keeps it complete).
"""

import difflib
import os
import re
from datetime import date
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

HOOK = "register_tunables"
SETTING = "SINERGI_LIMITS"
HELP = "See docs/configuration.md."


class Rate(NamedTuple):
    """``limit`` events per ``seconds``: what core.rate_limit counts."""

    limit: int
    seconds: int


class Tunable:
    """One tunable: its name within the app, default, meaning, and how a value is read."""

    unit = ""

    def __init__(self, name, default, meaning):
        self.name = name
        self.default = default
        self.meaning = meaning

    def parse(self, raw):
        """The value ``raw`` (from a setting or the environment) stands for; ValueError saying
        what was expected when it stands for none."""
        raise NotImplementedError


class Number(Tunable):
    """A whole number, ``minimum`` or more (0 unless a smaller value makes no sense)."""

    unit = "count"

    def __init__(self, name, default, meaning, minimum=0):
        super().__init__(name, default, meaning)
        self.minimum = minimum

    def parse(self, raw):
        text = str(raw).strip()
        if isinstance(raw, bool) or not re.fullmatch(r"[+-]?\d+", text) or int(text) < self.minimum:
            raise ValueError(f"expected a whole number of {self.unit}, {self.minimum} or more")
        return int(text)


class Count(Number):
    unit = "count"


class Bytes(Number):
    unit = "bytes"


class Seconds(Number):
    unit = "seconds"


class Minutes(Number):
    unit = "minutes"


class Hours(Number):
    unit = "hours"


class Days(Number):
    unit = "days"


class RateLimit(Tunable):
    """``"N/period"``: N events per second, minute, hour or day, or per a number of them
    (``"10/15minutes"``); the value is a ``Rate``."""

    unit = "rate"
    PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
    PATTERN = re.compile(r"(\d+)\s*/\s*(\d*)\s*(second|minute|hour|day)s?")

    def parse(self, raw):
        match = self.PATTERN.fullmatch(str(raw).strip().lower())
        if not match or not int(match[2] or 1):
            raise ValueError('expected a rate such as "20/hour" or "10/15minutes"')
        return Rate(int(match[1]), int(match[2] or 1) * self.PERIODS[match[3]])


class Dates(Tunable):
    """ISO dates: a list in settings, comma-separated in the environment; the value is a
    tuple of ``date``."""

    unit = "dates"

    def parse(self, raw):
        items = raw.split(",") if isinstance(raw, str) else raw
        try:
            return tuple(
                item if isinstance(item, date) else date.fromisoformat(str(item).strip())
                for item in items
                if str(item).strip()
            )
        except (TypeError, ValueError):
            raise ValueError('expected ISO dates such as "2025-08-17,2025-12-25"') from None


class AppTunables:
    """The tunables one app declared, and the one way their values are read."""

    def __init__(self, app, tunables):
        self.app = app
        self.tunables = {tunable.name: tunable for tunable in tunables}

    def environment_name(self, name):
        return f"SINERGI_{self.app.upper()}_{name}"

    def get(self, name):
        tunable = self.tunables[name]
        configured = getattr(settings, SETTING, {}).get(self.app, {})
        variable = self.environment_name(name)
        if name in configured:
            source, raw = f"{SETTING}[{self.app!r}][{name!r}]", configured[name]
        elif variable in os.environ:
            source, raw = variable, os.environ[variable]
        else:
            source, raw = f"the default of {variable}", tunable.default
        try:
            return tunable.parse(raw)
        except ValueError as error:
            raise ImproperlyConfigured(f"{source} is {raw!r}: {error}. {HELP}") from None


def declare(app, *tunables):
    """An app's tunables, ``app`` being its label (``SINERGI_<APP>_<NAME>``)."""
    return AppTunables(app, tunables)


def registered():
    """{app label: AppTunables} of every app, as offered on the ``register_tunables`` hook."""
    return {group.app: group for group in (hook() for hook in hooks.get_hooks(HOOK))}


def get(app, name):
    """The current value of the tunable ``name`` of ``app``."""
    return registered()[app].get(name)


def _unknown(source, known):
    close = difflib.get_close_matches(source, known, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return ImproperlyConfigured(f"{source} is not a tunable of Sinergi{hint}. {HELP}")


def validate():
    """Raise ImproperlyConfigured, in one line, for the first setting or environment
    variable that names no declared tunable or holds an invalid value."""
    apps = registered()
    configured = getattr(settings, SETTING, {})
    if not isinstance(configured, dict):
        raise ImproperlyConfigured(
            f'{SETTING} must be a dict such as {{"forums": {{"POST_LIMIT": 20}}}}. {HELP}'
        )
    for app, values in configured.items():
        if app not in apps:
            raise _unknown(f"{SETTING}[{app!r}]", [f"{SETTING}[{label!r}]" for label in apps])
        for name in values:
            if name not in apps[app].tunables:
                raise _unknown(
                    f"{SETTING}[{app!r}][{name!r}]",
                    [f"{SETTING}[{app!r}][{n!r}]" for n in apps[app].tunables],
                )
    for group in apps.values():
        prefix = group.environment_name("")
        names = [group.environment_name(name) for name in group.tunables]
        for variable in sorted(os.environ):
            if variable.startswith(prefix) and variable not in names:
                raise _unknown(variable, names)
        for name in group.tunables:
            group.get(name)
