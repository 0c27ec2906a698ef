"""Working days (Monday to Friday, minus the configured public holidays) for service targets.

Targets are counted in the office's local dates (TIME_ZONE): a complaint received
on Friday evening with a target of 5 working days is due by the end of the next Friday.
"""

from datetime import date, timedelta

from django.utils import timezone

from complaints import conf


def _holidays():
    return {date.fromisoformat(day) if isinstance(day, str) else day for day in conf.get("HOLIDAYS")}


def is_working_day(day, holidays=None):
    holidays = _holidays() if holidays is None else holidays
    return day.weekday() < 5 and day not in holidays


def add_working_days(start, count):
    """The date ``count`` working days after ``start`` (a date)."""
    holidays = _holidays()
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def local_date(moment):
    return timezone.localtime(moment).date()


def due_date(received_at, working_days):
    """The last local date on which a response counts as on time."""
    return add_working_days(local_date(received_at), working_days)


def working_days_late(due, today):
    """How many working days after ``due`` ``today`` is (0 when not late)."""
    holidays = _holidays()
    late = 0
    day = due
    while day < today:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            late += 1
    return late


def last_overdue_received_date(today, working_days):
    """The latest receipt date whose target of ``working_days`` ended before ``today``.

    Targets grow with the receipt date, so "received on or before this date" is
    "overdue if still unanswered": a filter the database can run.
    """
    day = today
    while add_working_days(day, working_days) >= today:
        day -= timedelta(days=1)
    return day
