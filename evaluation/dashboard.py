"""The public dashboard's figures, computed in SQL and cached.

Every figure is an aggregate; none is a row about a person, and a count under
``core.public_figures.MINIMUM`` is suppressed (None, shown as "fewer than 5"). The
figures come in sections, one per app that counts something: each registers a
``FigureSection`` with the ``register_dashboard_figures`` Wagtail hook (the events,
the forums and the complaints theirs; this app its guides and survey answers, in
evaluation/figures.py), so this app imports no other feature app.
``figures(period)`` is cached per period and refreshed by ``refresh`` (the hourly periodic
job ``evaluation.figures_and_surveys``), so a reader never waits for aggregation over
millions of ratings.
"""

from django.core.cache import cache
from django.utils import timezone
from wagtail import hooks

from core import public_figures
from evaluation import conf, periods

VERSION = 5  # raise when the shape of the figures changes


def sections():
    """Every registered section, in display order."""
    registered = (register() for register in hooks.get_hooks(public_figures.HOOK))
    return sorted(registered, key=lambda section: (section.order, section.key))


def compute(period):
    data = {
        "period": {"key": period.key, "start": period.start.isoformat(), "end": period.end.isoformat()},
        "computed_at": timezone.now().isoformat(),
    }
    for section in sections():
        data[section.key] = section.compute(period.start, period.end)
    return data


def shown(data):
    """[{template, figures, charts}] for the page, one per section, in order."""
    return [
        {
            "template": section.template,
            "figures": data[section.key],
            "charts": section.charts(data[section.key]),
        }
        for section in sections()
    ]


def is_empty(data):
    """True when nothing happened in the period: the page says so instead of showing zeros."""
    return not any(section.has_activity(data[section.key]) for section in sections())


def cache_key(period):
    return f"evaluation-dashboard:{VERSION}:{period.key}:{period.start.date().isoformat()}"


def figures(period):
    data = cache.get(cache_key(period))
    if data is None:
        data = compute(period)
        cache.set(cache_key(period), data, conf.get("DASHBOARD_CACHE_SECONDS"))
    return data


def refresh(now=None):
    """Recompute the figures of every period the selector offers; returns how many."""
    count = 0
    for key, _label in periods.choices(now):
        period = periods.resolve(key, now)
        cache.set(cache_key(period), compute(period), conf.get("DASHBOARD_CACHE_SECONDS"))
        count += 1
    return count
