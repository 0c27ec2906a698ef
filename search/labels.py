"""Readable, translated names for facet values.

Kinds are search's own vocabulary; other facets (topics, audiences) belong to the
apps that own them, which register a labeller in their search.py.
"""

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "guide": _("Guides"),
    "topic": _("Topics"),
    "page": _("Pages"),
    "regulation": _("Regulations"),
    "event": _("Events"),
    "thread": _("Forum questions"),
    "partner": _("Partner organisations"),
    "form": _("Forms and documents"),
}

_labellers = {"kind": lambda values: {value: KIND_LABELS.get(value, value) for value in values}}


def register_labeller(facet, labeller):
    """``labeller(values) -> {value: label}``, called in the reader's language."""
    _labellers[facet] = labeller


def labels(facet, values):
    labeller = _labellers.get(facet)
    return labeller(values) if labeller else {value: value for value in values}
