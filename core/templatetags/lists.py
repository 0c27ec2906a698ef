"""``{% load lists %}``: ``{{ items|reader_list }}`` and ``{% list_comma %}`` between linked
items (core/lists.py), for templates of any app."""

from django import template

from core import lists

register = template.Library()


@register.filter
def reader_list(items):
    return lists.joined(items)


@register.simple_tag
def list_comma():
    return lists.comma()
