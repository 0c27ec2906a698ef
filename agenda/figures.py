"""The events' figures on the public dashboard (core/public_figures.py): sessions held and
cancelled, and the people reached, in total and by province."""

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agenda.choices import PROVINCES
from agenda.models import EventSession, Registration
from core.public_figures import (
    COUNT,
    VALUE,
    Code,
    Column,
    Dataset,
    FigureSection,
    bars,
    measure_column,
    suppressed,
)


def compute(start, end):
    sessions = EventSession.objects.public().filter(end__gte=start, end__lt=min(end, timezone.now()))
    held = sessions.exclude(status="cancelled")
    reached = (
        Registration.objects.filter(session__in=held, status="confirmed")
        .values("session__region", "session__online")
        .annotate(people=Sum("people"))
        .order_by()
    )
    by_region = {}
    for row in reached:
        region = "online" if row["session__online"] else row["session__region"]
        by_region[region] = by_region.get(region, 0) + (row["people"] or 0)
    return {
        "sessions_held": suppressed(held.count()),
        "sessions_cancelled": suppressed(sessions.filter(status="cancelled").count()),
        "people_reached": suppressed(sum(by_region.values())),
        "people_by_region": sorted(
            ({"region": region, "people": suppressed(people)} for region, people in by_region.items()),
            key=lambda row: (row["people"] is None, -(row["people"] or 0), row["region"]),
        ),
    }


def charts(figures):
    online = _("Online")
    return {
        "regions": bars(
            [
                (online if row["region"] == "online" else row["region"], row["people"])
                for row in figures["people_by_region"]
            ]
        )
    }


def datasets(figures):
    return {
        "events": (
            ["measure", "value", "suppressed"],
            [
                {"measure": key, "value": figures[key], "suppressed": figures[key] is None}
                for key in ("sessions_held", "sessions_cancelled", "people_reached")
            ],
        ),
        "people-reached-by-region": (
            ["region", "people", "suppressed"],
            [{**row, "suppressed": row["people"] is None} for row in figures["people_by_region"]],
        ),
    }


def _measures():
    return [
        Code("sessions_held", _("Sessions held"), str(COUNT)),
        Code("sessions_cancelled", _("Sessions cancelled"), str(COUNT)),
        Code(
            "people_reached", _("People who took part (confirmed places, group members included)"), str(COUNT)
        ),
    ]


def _regions():
    return [Code("online", _("Online")), *(Code(code, str(label)) for code, label in PROVINCES)]


def dictionary():
    return {
        "events": Dataset(
            gettext_lazy("Seminars and workshops"),
            gettext_lazy("Sessions that ended in the period, and the people they reached."),
            (measure_column(_measures), VALUE),
        ),
        "people-reached-by-region": Dataset(
            gettext_lazy("People reached by province"),
            gettext_lazy(
                "People who took part in sessions that ended in the period, by the province of the venue."
            ),
            (
                Column(
                    "region", "string", gettext_lazy("The province of the venue, or online."), codes=_regions
                ),
                Column("people", "integer", gettext_lazy("People who took part.")),
            ),
        ),
    }


SECTION = FigureSection(
    key="events",
    compute=compute,
    template="agenda/dashboard_section.html",
    datasets=datasets,
    has_activity=lambda figures: bool(figures["sessions_held"] or figures["people_reached"]),
    charts=charts,
    dictionary=dictionary,
    order=20,
)
