"""One date format per language, from the locale data: no "星期四 10 十二月 2026"."""

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone, translation

from core.dates import long_date, long_date_time, month_year

EXPECTED = {
    "id": ("7 Desember 2026", "Senin, 07 Desember 2026"),
    "en": ("December 7, 2026", "Monday, December 7, 2026"),
    "ar": ("7 ديسمبر 2026", "الاثنين، 7 ديسمبر 2026"),
    "zh-hans": ("2026年12月7日", "2026年12月7日星期一"),
}


@pytest.mark.parametrize("language", EXPECTED)
def test_long_dates_come_from_the_locale(language):
    with translation.override(language):
        assert (long_date(date(2026, 12, 7)), long_date(date(2026, 12, 7), weekday=True)) == EXPECTED[
            language
        ]


def test_a_moment_is_written_in_the_active_time_zone():
    moment = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)  # already the 7th in Jayapura
    with translation.override("en"), timezone.override("Asia/Jayapura"):
        assert long_date_time(moment) == "December 7, 2026, 08:30"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("id", "Desember 2026"), ("en", "December 2026"), ("ar", "ديسمبر 2026"), ("zh-hans", "2026年12月")],
)
def test_a_month_is_named_the_locales_way(language, expected):
    with translation.override(language):
        assert month_year(date(2026, 12, 1)) == expected  # not "十二月 2026"
