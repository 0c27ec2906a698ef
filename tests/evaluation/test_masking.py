"""Personal data in comments is masked before storage, in any script."""

import pytest

from evaluation.masking import mask_personal_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email me at budi.santoso@example.org please", "email me at [email] please"),
        ("Call +62 812-3456-7890 tomorrow", "Call [number] tomorrow"),
        ("passport A1234567 was refused", "passport [number] was refused"),
        ("paspor AB 123456 hilang", "paspor [number] hilang"),
        ("NIK 3174091501900001 salah", "NIK [number] salah"),
        ("رقمي ٠٨١٢٣٤٥٦٧٨٩ شكرا", "رقمي [number] شكرا"),
        ("我的邮箱是 wang@example.cn 谢谢", "我的邮箱是 [email] 谢谢"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fee for 2 children in 2025 is 500000 rupiah?",
        "الصفحة مفيدة جدا",
        "页面很有帮助",
        "Section 3.2, page 14",
        "",
    ],
)
def test_ordinary_text_and_short_numbers_stay(text):
    assert mask_personal_data(text) == text
