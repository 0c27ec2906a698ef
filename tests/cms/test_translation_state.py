"""Translation freshness: which translations exist and which are older than the Indonesian text."""

import pytest

pytestmark = pytest.mark.django_db


def test_demo_guide_has_all_translations_current(guide):
    assert guide.available_languages() == ["id", "en", "ar", "zh-hans"]
    assert guide.outdated_languages() == []
    assert guide.translation_status("ar").available


def test_changing_indonesian_marks_translations_outdated(guide):
    guide.body_ind = list(guide.body_ind.raw_data) + [{"type": "heading", "value": "Bagian baru"}]
    guide.save_revision().publish()
    guide.refresh_from_db()
    assert guide.outdated_languages() == ["en", "ar", "zh-hans"]
    status = guide.translation_status("en")
    assert status.available and status.outdated
    assert status.source_changed_at is not None


def test_updating_a_translation_makes_it_current_again(guide):
    guide.title_ind = guide.title_ind + " (2027)"
    guide.save_revision().publish()
    guide.refresh_from_db()
    guide.title_en = guide.title_en + " (2027)"
    guide.save_revision().publish()
    guide.refresh_from_db()
    assert guide.outdated_languages() == ["ar", "zh-hans"]


def test_saving_a_draft_does_not_change_the_state(guide):
    before = dict(guide.translation_state)
    guide.title_ind = "Judul draf"
    guide.save_revision()  # a draft: the live page is not what readers see
    guide.refresh_from_db()
    assert guide.translation_state == before


def test_translation_without_body_is_not_available(english_only_guide):
    english_only_guide.title_ar = "عنوان فقط"
    english_only_guide.save_revision().publish()
    english_only_guide.refresh_from_db()
    assert "ar" not in english_only_guide.available_languages()
    assert not english_only_guide.translation_status("ar").available


def test_removing_a_translation_makes_it_unavailable(guide):
    guide.title_zh_hans = ""
    guide.save_revision().publish()
    guide.refresh_from_db()
    assert "zh-hans" not in guide.available_languages()


def test_indonesian_text_change_after_translation_does_not_outdate_unrelated_fields(guide):
    guide.show_in_menus = not guide.show_in_menus
    guide.save_revision().publish()
    guide.refresh_from_db()
    assert guide.outdated_languages() == []
