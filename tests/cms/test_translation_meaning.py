"""A translation is out of date when the Indonesian text says something new, not when the admin
or an import rewrote its markup (``<strong>`` to ``<b>``, ``data-block-key``, block ids, spaces)."""

import re
import uuid

import pytest

from cms.models import RegulationPage
from cms.translation_state import FORMAT_KEY, meaning

from .editing import publish_in_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def regulation(db):
    return RegulationPage.objects.get(slug="uu-9-1992")


@pytest.fixture
def superuser(make_user):
    return make_user("penyunting", is_staff=True, is_superuser=True)


def translated(page):
    return [code for code in ("en", "ar", "zh-hans") if code in page.available_languages()]


def test_the_demo_regulation_has_markup_the_admin_rewrites(regulation):
    assert "<strong>" in regulation.body_ind and translated(regulation)


def test_the_first_admin_publish_without_a_change_flags_nothing(client, superuser, regulation):
    changed_at = regulation.translation_state["id"]["at"]
    publish_in_admin(client, superuser, regulation)
    regulation.refresh_from_db()
    assert "<strong>" not in regulation.body_ind  # the admin did rewrite the markup
    assert regulation.outdated_languages() == []
    assert regulation.translation_state["id"]["at"] == changed_at


def test_the_first_admin_publish_with_a_new_indonesian_text_flags_every_translation(
    client, superuser, regulation
):
    publish_in_admin(client, superuser, regulation, summary_ind=regulation.summary_ind + " Berlaku ketat.")
    regulation.refresh_from_db()
    assert regulation.outdated_languages() == translated(regulation)


def admin_markup(blocks):
    """The same blocks as the admin writes them back: new ids, <b>, block keys, other spacing."""
    rewritten = []
    for block in blocks:
        value = block["value"]
        if isinstance(value, str):
            value = value.replace("<strong>", "<b>").replace("</strong>", "</b>")
            value = re.sub(r"<p>", lambda _m: f'<p data-block-key="{uuid.uuid4().hex[:5]}">', value)
            value = value.replace(". ", ".  ")
        rewritten.append({**block, "id": str(uuid.uuid4()), "value": value})
    return rewritten


def test_an_import_in_other_markup_flags_nothing_and_a_changed_word_does(guide):
    changed_at = guide.translation_state["id"]["at"]
    for suffix in ("ind", "en", "ar", "zh_hans"):
        body = getattr(guide, f"body_{suffix}")
        setattr(guide, f"body_{suffix}", admin_markup(list(body.raw_data)))
    guide.save_revision().publish()
    guide.refresh_from_db()
    assert guide.outdated_languages() == []
    assert guide.translation_state["id"]["at"] == changed_at

    blocks = list(guide.body_ind.raw_data)
    text = next(index for index, block in enumerate(blocks) if isinstance(block["value"], str))
    blocks[text] = {**blocks[text], "value": blocks[text]["value"].replace("<p", "<p>Baru: </p><p", 1)}
    guide.body_ind = blocks
    guide.save_revision().publish()
    guide.refresh_from_db()
    assert guide.outdated_languages() == ["en", "ar", "zh-hans"]


def test_meaning_ignores_markup_and_spacing_but_not_words():
    assert meaning("<p>Bawa <strong>paspor</strong>.</p>") == meaning(
        '<p data-block-key="a1">Bawa  <b>paspor</b>.</p>'
    )
    assert meaning("<p>Satu</p><p>dua</p>") == meaning("<p>Satu</p>\n<p>dua</p>") == "Satu dua"
    assert meaning("<p>Bawa paspor.</p>") != meaning("<p>Bawa visa.</p>")
    assert meaning([{"id": "1", "type": "text", "value": {"title": "A", "note": ""}}]) == meaning(
        [{"id": "2", "type": "text", "value": {"title": "A"}}]
    )
    items = [
        {"type": "item", "value": "KTP", "id": "a1"},
        {"type": "item", "value": {"title": "Unduh"}, "id": "b2"},
    ]
    assert meaning(["KTP", {"title": "Unduh"}]) == meaning(
        items
    )  # a ListBlock as imported and as the admin saves it


def test_a_state_of_byte_digests_is_converted_keeping_what_was_outdated(regulation, client, superuser):
    state = {
        "id": {"own": "old-source", "at": "2026-01-01T00:00:00+07:00"},
        "en": {"own": "old-en", "source": "old-source", "at": "2026-01-02T00:00:00+07:00"},
        "ar": {"own": "old-ar", "source": "older-source", "at": "2025-01-02T00:00:00+07:00"},
    }
    RegulationPage.objects.filter(pk=regulation.pk).update(translation_state=state)
    regulation.refresh_from_db()
    publish_in_admin(client, superuser, regulation)
    regulation.refresh_from_db()
    assert regulation.translation_state[FORMAT_KEY] == 2
    assert "en" not in regulation.outdated_languages()
    assert "ar" in regulation.outdated_languages() or "ar" not in translated(regulation)
