"""A corpus of personal numbers and addresses as people really write them, in the four
scripts: Indonesian ID formats (NIK, KITAS/KITAP, passports), phones and emails written
to dodge filters. Each must lose its personal part; ordinary text must stay as written."""

import pytest

from evaluation.masking import mask_personal_data

MASKED = [
    # NIK (16 digits), plain and grouped
    ("NIK saya 3174091501900001", "3174091501900001"),
    ("nik: 3174 0915 0190 0001 tolong", "3174 0915 0190 0001"),
    ("No. KTP 3174-0915-0190-0001", "3174-0915-0190-0001"),
    ("رقم الهوية ٣١٧٤٠٩١٥٠١٩٠٠٠٠١", "٣١٧٤٠٩١٥٠١٩٠٠٠٠١"),
    ("身份证号 3174091501900001", "3174091501900001"),
    # KITAS / KITAP numbers
    ("KITAS 2C21JD1234-AB sudah habis", "2C21JD1234-AB"),
    ("my KITAP number is 2D11AA0123456", "2D11AA0123456"),
    ("no kitas: 2C11AB123456", "2C11AB123456"),
    ("رقم كيتاس 2C21JD1234 انتهى", "2C21JD1234"),
    ("我的KITAS号码 2C21JD1234", "2C21JD1234"),
    ("ITAS 2C11-AB-123456", "2C11-AB-123456"),
    # passports
    ("passport E1234567X was refused", "E1234567X"),
    ("paspor A1234567 hilang", "A1234567"),
    ("paspor B 1234567", "B 1234567"),
    ("护照号码 E12345678", "E12345678"),
    ("护照号码：G12345678，谢谢", "G12345678"),
    ("جواز سفري رقم P1234567", "P1234567"),
    ("passport no. AB1234567", "AB1234567"),
    ("paspor saya x1234567", "x1234567"),
    # phones, also written to dodge filters
    ("WA 0812-3456-7890", "0812-3456-7890"),
    ("call +62 812 3456 7890", "+62 812 3456 7890"),
    ("hubungi 0812.3456.7890", "0812.3456.7890"),
    ("telp (021) 5234 5678", "(021) 5234 5678"),
    ("wa 0812/3456/7890 ya", "0812/3456/7890"),
    ("اتصل ٠٨١٢٣٤٥٦٧٨٩٠", "٠٨١٢٣٤٥٦٧٨٩٠"),
    ("اتصل على +٦٢ ٨١٢ ٣٤٥٦ ٧٨٩٠", "+٦٢ ٨١٢ ٣٤٥٦ ٧٨٩٠"),
    ("电话 138 0013 8000", "138 0013 8000"),
    ("电话：１３８００１３８０００", "１３８００１３８０００"),
    ("nomor hp 0812 3456 789", "0812 3456 789"),
    # emails, plain and obfuscated
    ("email budi.santoso@example.org", "budi.santoso@example.org"),
    ("name(at)gmail.com", "name(at)gmail.com"),
    ("tulis ke budi [at] gmail [dot] com", "budi [at] gmail [dot] com"),
    ("budi at gmail dot com", "budi at gmail dot com"),
    ("budi{at}yahoo{dot}co{dot}id", "budi{at}yahoo{dot}co{dot}id"),
    ("wang＠example.cn 谢谢", "wang＠example.cn"),
    ("邮箱 wang#qq.com", "wang#qq.com"),
    ("邮箱 wang艾特qq点com", "wang艾特qq点com"),
    ("البريد ahmad@example.com شكرا", "ahmad@example.com"),
    ("budi (at) gmail (dot) com", "budi (at) gmail (dot) com"),
    ("budi.s @ gmail . com", "budi.s @ gmail . com"),
]

KEPT = [
    "Fee for 2 children in 2025 is 500000 rupiah?",
    "Visa index C1 and E28A, see section 3.2, page 14",
    "الصفحة مفيدة جدا",
    "页面很有帮助，谢谢",
    "I looked at the page about visas",
    "Permenkumham 22 tahun 2023 pasal 5",
    "Biaya Rp 1.500.000 untuk 60 hari",
]


@pytest.mark.parametrize(("text", "personal"), MASKED)
def test_personal_data_is_masked(text, personal):
    masked = mask_personal_data(text)
    assert personal not in masked and ("[number]" in masked or "[email]" in masked), masked


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_stays(text):
    assert mask_personal_data(text) == text


def test_the_corpus_is_large_enough():
    assert len(MASKED) + len(KEPT) >= 40
