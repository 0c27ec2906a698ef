"""What the reader typed, as search reads it (search/engines/base.py ``clean_query``)."""

import pytest

from search.engines.base import clean_query

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("ＫＩＴＡＳ　申请", "KITAS 申请"),  # full-width Latin and an ideographic space
        ("ﺟﻮﺍﺯ ﺳﻔﺮ", "جواز سفر"),  # Arabic presentation forms
        ("paspor\x00 hilang\n", "paspor hilang"),
    ],
)
def test_compatibility_forms_are_read_as_the_letters_they_stand_for(typed, read):
    assert clean_query(typed) == read


@pytest.mark.parametrize(("typed", "language"), [("ＫＩＴＡＳ", "en"), ("ＫＩＴＡＳ　申请", "zh-hans")])
def test_a_query_typed_in_full_width_letters_finds_what_it_names(client, indexed, typed, language):
    html = client.get(f"/{language}/search/", {"q": typed}).content.decode()
    assert "/izin-tinggal/kitas-kerja/" in html
