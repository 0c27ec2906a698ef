"""``{% load dates %}``: ``{{ value|long_date }}``, ``{{ value|long_date_time }}`` and the
``:weekday`` forms (core/dates.py)."""

from django import template

from core import dates

register = template.Library()


@register.filter
def long_date(value, weekday=""):
    return dates.long_date(value, weekday=weekday == "weekday")


@register.filter
def long_date_time(value, weekday=""):
    return dates.long_date_time(value, weekday=weekday == "weekday")
