"""Working days for service targets: Monday to Friday, minus configured holidays."""

from datetime import date

from complaints.working_days import add_working_days, last_overdue_received_date, working_days_late


def test_five_working_days_skip_the_weekend():
    friday = date(2025, 3, 7)
    assert add_working_days(friday, 5) == date(2025, 3, 14)
    assert add_working_days(date(2025, 3, 8), 1) == date(2025, 3, 10)  # Saturday -> Monday


def test_holidays_are_not_working_days(limits):
    limits("complaints", HOLIDAYS=["2025-03-10"])
    assert add_working_days(date(2025, 3, 7), 1) == date(2025, 3, 11)


def test_lateness_counts_working_days_only():
    assert working_days_late(date(2025, 3, 14), date(2025, 3, 17)) == 1  # Friday -> Monday
    assert working_days_late(date(2025, 3, 14), date(2025, 3, 14)) == 0


def test_last_overdue_receipt_date_matches_the_target():
    today = date(2025, 3, 19)  # Wednesday
    last = last_overdue_received_date(today, 5)
    assert add_working_days(last, 5) < today
    assert add_working_days(date.fromordinal(last.toordinal() + 1), 5) >= today
