"""Dates written the reader's way, from the locale data (CLDR, through Babel), never a
format typed in a template: one format per language across the site.

- ``long_date``: "7 Desember 2026", "December 7, 2026", "7 ديسمبر 2026", "2026年12月7日";
- with ``weekday``: "Senin, 07 Desember 2026", "Monday, December 7, 2026",
  "الاثنين، 7 ديسمبر 2026", "2026年12月7日星期一";
- ``month_year``: "Desember 2026", "December 2026", "ديسمبر 2026", "2026年12月";
- ``long_date_time`` adds the time as the clock shows it (24 hours, "09:00"), joined to the
  date the locale's way ("December 7, 2026, 09:00", "7 ديسمبر 2026، 09:00", "2026年12月7日 09:00").

A moment with a time zone is written in the active time zone (``timezone.override``).
"""

from datetime import datetime

from babel.dates import format_date, format_skeleton, get_datetime_format
from django.utils import formats, timezone
from django.utils.translation import get_language, to_locale


def _local(moment):
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        return timezone.localtime(moment)
    return moment


def long_date(moment, weekday=False):
    if moment is None:
        return ""
    day = _local(moment)
    day = day.date() if isinstance(day, datetime) else day
    return format_date(day, "full" if weekday else "long", locale=to_locale(get_language() or "id"))


def month_year(moment):
    return format_skeleton("yMMMM", _local(moment), locale=to_locale(get_language() or "id"))


def long_date_time(moment, weekday=False):
    if moment is None:
        return ""
    local = _local(moment)
    return date_and_time(long_date(local, weekday), formats.time_format(local, "H:i"), weekday)


def date_and_time(day, time, weekday=False):
    """A written date and a time ("09:00–12:00 WIB") joined the locale's way, not with a Latin comma."""
    pattern = get_datetime_format("full" if weekday else "long", locale=to_locale(get_language() or "id"))
    return pattern.format(time, day)
