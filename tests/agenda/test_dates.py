"""Session dates on event pages the reader's way (core/dates.py), not a typed format."""

from datetime import date

import pytest
from django.utils import translation

from core.dates import long_date
from tests.helpers import url_in


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_event_pages_write_session_dates_the_readers_way(client, make_event, language):
    page = make_event([{"date": date(2027, 1, 4)}], languages=("id", "en", "ar", "zh-hans"))
    html = client.get(url_in(page, language)).content.decode()
    with translation.override(language):
        assert long_date(date(2027, 1, 4), weekday=True) in html
    assert "十二月 20" not in html and "一月 2027" not in html
