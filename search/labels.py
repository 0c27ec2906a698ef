"""Readable, translated names for facet values.

Kinds are search's own vocabulary; other facets (topics, audiences) belong to the
apps that own them, which register a labeller in their search.py
(``core.searchable.register_labeller``).
"""

from django.utils.translation import gettext_lazy as _

from core import searchable

KIND_LABELS = {
    "guide": _("Guides"),
    "topic": _("Topics"),
    "page": _("Pages"),
    "regulation": _("Regulations"),
    "event": _("Events"),
    "thread": _("Forum questions"),
    "partner": _("Partner organisations"),
    "form": _("Forms and documents"),
    "office": _("Immigration offices"),
}


def labels(facet, values):
    if facet == "kind":
        return {value: KIND_LABELS.get(value, value) for value in values}
    labeller = searchable.labeller(facet)
    return labeller(values) if labeller else {value: value for value in values}
