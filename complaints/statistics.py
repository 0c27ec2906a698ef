"""Public statistics on complaints, safe to publish: no figure small enough to point at a person.

``public_statistics(period_start, period_end)`` covers the complaints *received* in
``[period_start, period_end)`` (aware datetimes) and returns plain numbers for the
public page and for the evaluation dashboard (issue 8):

- counts in total, by category and by current status: a count under 5 (0 included)
  is returned as None and shown as "fewer than 5". When exactly one count of a
  breakdown is hidden it could be worked out from the total, so the next smallest
  is hidden too;
- median days (calendar days, one decimal) from receipt to the first public
  response and to resolution, and the shares within the targets: None when they
  rest on fewer than 5 complaints;
- ``first_response_within_target``: of the complaints that had a first response or
  whose response is overdue, the share answered on time;
- ``resolved_within_target``: of the complaints resolved or past their resolution
  target without being resolved (rejected ones excluded), the share resolved on time.
"""

from collections import Counter
from datetime import datetime, time
from statistics import median

from django.utils import timezone

from complaints import conf
from complaints.models import Category, Complaint, Status
from complaints.working_days import due_date, local_date

MINIMUM = 5


def suppressed(count):
    return count if count >= MINIMUM else None


def year_bounds(year):
    """The first moments of ``year`` and of the next year, in local time."""
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(datetime(year, 1, 1), time.min, tzinfo=zone),
        datetime.combine(datetime(year + 1, 1, 1), time.min, tzinfo=zone),
    )


def _breakdown(counter, keys):
    shown = {key: suppressed(counter.get(key, 0)) for key in keys}
    hidden = [key for key, value in shown.items() if value is None]
    if len(hidden) == 1:  # the one hidden figure = total - the others: hide one more
        visible = [key for key, value in shown.items() if value is not None]
        if visible:
            shown[min(visible, key=lambda key: (shown[key], keys.index(key)))] = None
    return shown


def _days(start, end):
    return (end - start).total_seconds() / 86400


def _median(values):
    return round(median(values), 1) if len(values) >= MINIMUM else None


def _share(within, base):
    return round(within / base, 3) if base >= MINIMUM else None


def public_statistics(period_start, period_end, now=None):
    today = local_date(now or timezone.now())
    first_target = conf.get("FIRST_RESPONSE_WORKING_DAYS")
    resolution_target = conf.get("RESOLUTION_WORKING_DAYS")
    rows = list(
        Complaint.objects.filter(received_at__gte=period_start, received_at__lt=period_end).values_list(
            "category", "status", "received_at", "first_response_at", "resolved_at"
        )
    )
    first_days, resolution_days = [], []
    first_base = first_within = resolution_base = resolution_within = 0
    for _category, status, received, first, resolved in rows:
        first_due = due_date(received, first_target)
        if first:
            first_days.append(_days(received, first))
            first_base += 1
            first_within += local_date(first) <= first_due
        elif today > first_due:
            first_base += 1
        resolution_due = due_date(received, resolution_target)
        if resolved:
            resolution_days.append(_days(received, resolved))
            resolution_base += 1
            resolution_within += local_date(resolved) <= resolution_due
        elif status != Status.REJECTED and today > resolution_due:
            resolution_base += 1
    return {
        "period_start": period_start,
        "period_end": period_end,
        "total": suppressed(len(rows)),
        "by_category": _breakdown(Counter(row[0] for row in rows), list(Category.values)),
        "by_status": _breakdown(Counter(row[1] for row in rows), list(Status.values)),
        "median_days_to_first_response": _median(first_days),
        "median_days_to_resolution": _median(resolution_days),
        "first_response_within_target": _share(first_within, first_base),
        "resolved_within_target": _share(resolution_within, resolution_base),
        "first_response_target_working_days": first_target,
        "resolution_target_working_days": resolution_target,
    }
