"""``{{ share|percent }}``: a share (0 to 1) as the reader's percentage (core/public_figures.py)."""

from django import template

from core import public_figures

register = template.Library()


@register.filter
def percent(share):
    return public_figures.percent(share)
