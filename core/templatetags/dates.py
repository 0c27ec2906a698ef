"""``{% load dates %}``: ``{{ value|long_date }}``, ``{{ value|long_date_time }}`` and the
``:weekday`` forms, ``{{ value|month_year }}`` (core/dates.py)."""

from django import template

from core import dates

register = template.Library()


@register.filter
def long_date(value, weekday=""):
    return dates.long_date(value, weekday=weekday == "weekday")


@register.filter
def long_date_time(value, weekday=""):
    return dates.long_date_time(value, weekday=weekday == "weekday")


@register.filter
def month_year(value):
    return dates.month_year(value)
