"""The periods the dashboard offers: rolling windows and calendar years."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ROLLING = {"30d": (30, _("Last 30 days")), "90d": (90, _("Last 90 days")), "365d": (365, _("Last 12 months"))}
DEFAULT = "365d"
FIRST_YEAR = 2024


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: datetime
    end: datetime


def choices(now=None):
    now = now or timezone.now()
    years = [str(year) for year in range(timezone.localdate(now).year, FIRST_YEAR - 1, -1)]
    return [(key, label) for key, (_days, label) in ROLLING.items()] + [(year, year) for year in years]


def resolve(key, now=None):
    """The Period for a key from the selector; None when the key is not one we offer."""
    now = now or timezone.now()
    if key in ROLLING:
        days, label = ROLLING[key]
        # Whole days, so the figures (and their cache) stay the same through the day.
        end = datetime.combine(
            timezone.localdate(now) + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone()
        )
        return Period(key, str(label), end - timedelta(days=days), end)
    if key.isascii() and key.isdigit() and FIRST_YEAR <= int(key) <= timezone.localdate(now).year:
        zone = timezone.get_current_timezone()
        year = int(key)
        return Period(key, key, datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone))
    return None
