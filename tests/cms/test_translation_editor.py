"""The page editor's translation tools: its scripts are Sinergi's (per-field toggles, copy from
another language), copying works for every kind of field, and a regulation is created from the
default view with only the Indonesian and shared fields filled."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.models import RegulationIndexPage, RegulationPage, RegulationRelation
from cms.translation_editor import editor_settings
from tests.cms.editing import edit_form, editor_data

pytestmark = pytest.mark.django_db

COPY_URL = "/admin/translations/copy/"


@pytest.fixture
def superuser(make_user):
    return make_user("penerjemah", is_staff=True, is_superuser=True)


@pytest.mark.parametrize(
    "name", ["js/language_toggles.js", "js/copy_stream_fields.js", "css/language_toggles.css"]
)
def test_the_editor_loads_sinergis_scripts_not_the_packages(name):
    assert "/site/static/" in finders.find(f"wagtail_modeltranslation/{name}")


def test_the_editor_carries_the_languages_with_their_tag_column_suffix_and_direction(
    client, superuser, guide
):
    client.force_login(superuser)
    content = client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    start = content.index('<script id="sinergi-translation-editor" type="application/json">')
    settings = json.loads(content[content.index(">", start) + 1 : content.index("</script>", start)])
    assert {
        (language["code"], language["lang"], language["suffix"], language["dir"])
        for language in settings["languages"]
    } == {
        ("id", "id", "ind", "ltr"),
        ("en", "en", "en", "ltr"),
        ("ar", "ar", "ar", "rtl"),
        ("zh-hans", "zh-Hans", "zh_hans", "ltr"),  # the tag's usual case for the inputs' lang
    }
    assert settings["copyUrl"] == COPY_URL


def test_copying_a_streamfield_body_renders_the_target_with_the_source_blocks(client, superuser, guide):
    data = editor_data(edit_form(guide, superuser))
    data.update(
        nested_form_data(
            {"body_ind": {"count": 1, "0": {"type": "heading", "value": "Syarat", "deleted": "", "order": 0}}}
        )
    )
    client.force_login(superuser)
    answer = client.post(COPY_URL, {**data, "page": guide.pk, "source": "body_ind", "target": "body_ar"})
    assert answer.status_code == 200
    html = answer.json()["html"]
    assert 'id="body_ar"' in html and "Syarat" in html


def test_copying_rich_text_renders_the_target_editor(client, superuser):
    regulation = RegulationPage.objects.get(slug="uu-9-1992")
    client.force_login(superuser)
    answer = client.post(
        COPY_URL,
        {
            "page": regulation.pk,
            "source": "body_ind",
            "target": "body_zh_hans",
            "body_ind": rich_text("<p>Baru</p>"),
        },
    )
    html = answer.json()["html"]
    assert 'name="body_zh_hans"' in html and "Baru" in html and "data-draftail-input" in html


def test_copying_from_an_empty_field_says_so(client, superuser, guide):
    client.force_login(superuser)
    answer = client.post(
        COPY_URL,
        {
            "page": guide.pk,
            "source": "body_en",
            "target": "body_ar",
            **nested_form_data({"body_en": {"count": 0}}),
        },
    )
    assert answer.json() == {"empty": True}


def test_copying_on_the_add_form_knows_the_page_type(client, superuser):
    client.force_login(superuser)
    answer = client.post(
        COPY_URL,
        {
            "content_type": "cms.regulationpage",
            "source": "summary_ind",
            "target": "summary_ar",
            "summary_ind": "Isi",
        },
    )
    assert 'name="summary_ar"' in answer.json()["html"]


def test_copying_an_unknown_field_is_refused(client, superuser, guide):
    client.force_login(superuser)
    answer = client.post(COPY_URL, {"page": guide.pk, "source": "password", "target": "body_ar"})
    assert answer.status_code == 400


def test_an_editor_who_may_not_edit_the_page_cannot_copy(client, make_user, guide):
    client.force_login(make_user("tamu", is_staff=True))
    answer = client.post(COPY_URL, {"page": guide.pk, "source": "summary_ind", "target": "summary_ar"})
    assert answer.status_code in (302, 403)


def test_a_regulation_is_created_with_indonesian_and_shared_fields_only(client, superuser):
    index = RegulationIndexPage.objects.get()
    client.force_login(superuser)
    data = {
        "title_ind": "Peraturan Menteri Nomor 77 Tahun 2026",
        "slug": "permen-77-2026",
        "summary_ind": "Ringkasan singkat.",
        "regulation_type": "ministerial_regulation",
        "number": "77",
        "year": "2026",
        "authority_ind": "Kementerian Imigrasi dan Pemasyarakatan",
        "enacted": "2026-10-01",
        "in_force_from": "2026-11-01",
        "action-publish": "action-publish",
        **nested_form_data(
            {
                "relations": inline_formset([]),
                "change_notes": inline_formset([{"date": "2026-10-01", "note_ind": "Diterbitkan."}]),
                "comments": inline_formset([]),
            }
        ),
    }
    response = client.post(f"/admin/pages/add/cms/regulationpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    created = RegulationPage.objects.get(slug="permen-77-2026")
    assert created.live and created.change_notes.get().note_ind == "Diterbitkan."
    assert created.available_languages() == ["id"]


def test_a_newcomer_reads_what_the_identification_and_relation_fields_mean(client, superuser):
    index = RegulationIndexPage.objects.get()
    client.force_login(superuser)
    content = client.get(f"/admin/pages/add/cms/regulationpage/{index.pk}/").content.decode()
    language = content.split('<html lang="', 1)[1].split('"', 1)[0]
    with translation.override(language):
        for name in ("regulation_type", "number", "year", "enacted", "in_force_from"):
            help_text = str(RegulationPage._meta.get_field(name).help_text)
            assert help_text and escape(help_text) in content, name
        for name in ("kind", "target"):
            help_text = str(RegulationRelation._meta.get_field(name).help_text)
            assert help_text and escape(help_text) in content, name


@pytest.mark.parametrize(
    ("language", "expected"),
    [("id", "Terjemahkan ke:"), ("en", "Translate into:"), ("ar", "الترجمة إلى:"), ("zh-hans", "翻译为：")],
)
def test_the_translate_mode_speaks_the_admins_language(language, expected):
    with translation.override(language):
        rendered = editor_settings()
    strings = json.loads(rendered.split(">", 1)[1].rsplit("</script>", 1)[0])["strings"]
    assert strings["translateInto"] == expected
    assert "{language}" in strings["sourceColumn"] and "{language}" in strings["sourceLocked"]
