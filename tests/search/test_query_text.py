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
        ("護照丟了怎麼辦", "护照丢了怎么办"),  # Traditional Chinese, as typed in Taiwan and Hong Kong
        ("居留許可 KITAS", "居留许可 KITAS"),
    ],
)
def test_compatibility_forms_are_read_as_the_letters_they_stand_for(typed, read):
    assert clean_query(typed) == read


@pytest.mark.parametrize(
    ("typed", "language", "found"),
    [
        ("ＫＩＴＡＳ", "en", "/izin-tinggal/kitas-kerja/"),
        ("ＫＩＴＡＳ　申请", "zh-hans", "/izin-tinggal/kitas-kerja/"),
        ("護照遺失", "zh-hans", "/paspor/paspor-hilang-atau-rusak/"),  # as typed: nothing found
    ],
)
def test_a_query_in_full_width_letters_or_traditional_chinese_finds_what_it_names(
    client, indexed, typed, language, found
):
    html = client.get(f"/{language}/search/", {"q": typed}).content.decode()
    assert found in html
