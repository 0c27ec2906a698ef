"""Readable, translated names for facet values.

Kinds are search's own vocabulary; other facets (topics, audiences) belong to the
apps that own them, which register a labeller in their search.py
(``core.searchable.register_labeller``). A labeller leaves out the values it does not know:
that is how search tells a value an app knows from one it does not (``known``), even where a
label is spelled as its value (a topic titled "visa").
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
    found = labeller(values) if labeller else {}
    return {value: found.get(value, value) for value in values}


def known(facet, values):
    """The ``values`` that name something, in their order: a kind search knows, a value the
    facet's labeller knows; every value of a facet no app labels."""
    if facet == "kind":
        return [value for value in values if value in KIND_LABELS]
    labeller = searchable.labeller(facet)
    if labeller is None:
        return list(values)
    found = labeller(values)
    return [value for value in values if value in found]
