"""Editing in the admin's default view (Indonesian only shown): shared panels stay visible,
pages are created and published; translators copy any field from another language, and in the
"Translate into" mode work beside the Indonesian source, which they cannot change there."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in_to_admin, manage_site

pytestmark = pytest.mark.browser

USERNAME = "translation-editor"
PASSWORD = "browser-translator-pw-5521"


@pytest.fixture(scope="module")
def admin_page(browser, site_url, site_var):
    manage_site(
        site_var,
        "createsuperuser",
        "--noinput",
        "--username",
        USERNAME,
        "--email",
        "translator@example.org",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    context = browser.new_context()
    page = context.new_page()
    log_in_to_admin(page, site_url, USERNAME, PASSWORD)
    yield page
    context.close()


def edit_link(page, site_url, content_type, query):
    """The admin id of the first page of a type whose text matches query (the admin's own search)."""
    page.goto(f"{site_url}/admin/pages/search/?q={query}&content_type=cms.{content_type}")
    href = page.locator("a[href$='/edit/']").first.get_attribute("href")
    return int(href.rstrip("/").split("/")[-2])


def open_add_form(page, site_url, model, parent_type):
    parent_id = edit_link(page, site_url, parent_type, "")
    page.goto(f"{site_url}/admin/pages/add/cms/{model}/{parent_id}/")
    page.wait_for_selector(".sinergi-languages")


def add_inline_form(page, prefix):
    """Press an inline panel's "Add" button until its form is there: the page looks ready
    before Wagtail's scripts have connected, and a press before that does nothing (seen in
    CI under load)."""
    total = page.locator(f"#id_{prefix}-TOTAL_FORMS")
    before = total.input_value()
    for _attempt in range(10):
        page.locator(f"#id_{prefix}-ADD").click()
        try:
            expect(total).not_to_have_value(before, timeout=1000)
            return
        except AssertionError:
            continue
    raise AssertionError(f"the {prefix} inline form was never added")


def save_draft(page):
    page.locator("footer button.action-save").first.click()
    page.wait_for_load_state()
    page.wait_for_selector(".sinergi-languages")


def publish(page):
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_load_state()


def test_shared_panels_are_visible_and_a_regulation_is_published(admin_page, site_url):
    page = admin_page
    open_add_form(page, site_url, "regulationpage", "regulationindexpage")
    expect(page.locator("#id_title_ind")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_hidden()  # other languages wait behind their toggle
    for field in ("regulation_type", "number", "year", "authority_ind", "enacted", "in_force_from"):
        expect(page.locator(f"#id_{field}")).to_be_visible()
    expect(page.locator("#id_authority_ar")).to_be_hidden()
    page.fill("#id_title_ind", "Peraturan Menteri 99 Tahun 2026 tentang Uji Coba")
    page.fill("#id_summary_ind", "Ringkasan untuk uji coba penerbit.")
    page.select_option("#id_regulation_type", "ministerial_regulation")
    page.fill("#id_number", "99")
    page.fill("#id_year", "2026")
    page.fill("#id_authority_ind", "Kementerian Hukum")
    page.fill("#id_enacted", "2026-11-01")
    page.fill("#id_in_force_from", "2026-12-01")
    expect(page.locator("#id_change_notes-ADD")).to_be_visible()
    add_inline_form(page, "change_notes")
    note = page.locator("input[name='change_notes-0-note_ind']")
    expect(note).to_be_visible()
    expect(page.locator("input[name='change_notes-0-note_ar']")).to_be_hidden()
    note.fill("Diterbitkan.")
    page.locator("[role=tab][href='#tab-promote']").click()
    expect(page.locator("#id_slug")).to_be_visible()
    expect(page.locator("#id_seo_title_ind")).to_be_visible()
    publish(page)
    assert "/edit/" not in page.url  # published: back to the list of pages
    response = page.goto(f"{site_url}/id/peraturan/peraturan-menteri-99-tahun-2026-tentang-uji-coba/")
    assert response.status == 200


def test_a_partner_is_created_from_the_default_view_with_its_contact(admin_page, site_url):
    page = admin_page
    open_add_form(page, site_url, "partnerpage", "partnerindexpage")
    for field in ("phone", "email", "website", "address", "opening_hours_ind"):
        expect(page.locator(f"#id_{field}")).to_be_visible()
    expect(page.locator("#id_opening_hours_en")).to_be_hidden()
    page.fill("#id_title_ind", "Yayasan Uji Peramban")
    page.fill("#id_description_ind", "Membantu orang asing mengurus dokumen.")
    page.locator("input[name=services][value=legal_aid]").check()
    page.fill("#id_regions", "Bali\nNusa Tenggara Barat")
    page.locator("input[name=languages_spoken][value=en]").check()
    page.fill("#id_phone", "+62 361 000 111")
    publish(page)
    assert "/edit/" not in page.url and "/add/" not in page.url
    response = page.goto(f"{site_url}/id/mitra/yayasan-uji-peramban/")
    assert response.status == 200
    assert "+62 361 000 111" in page.content()


def test_errors_of_a_regulation_are_on_visible_fields(admin_page, site_url):
    page = admin_page
    open_add_form(page, site_url, "regulationpage", "regulationindexpage")
    page.fill("#id_title_ind", "Peraturan uji kesalahan")
    publish(page)  # nearly every required field is empty: the errors are on visible fields
    expect(page.locator("#id_number")).to_be_visible()
    expect(page.locator("#id_summary_ind")).to_be_visible()


@pytest.mark.parametrize(
    ("language", "tag", "direction"), [("ar", "ar", "rtl"), ("zh-hans", "zh-Hans", "ltr")]
)
def test_copying_a_guide_body_from_indonesian(admin_page, site_url, language, tag, direction):
    page = admin_page
    page_id = edit_link(page, site_url, "guidepage", "visa kunjungan")
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    page.wait_for_selector(".sinergi-languages")
    page.locator(f".sinergi-languages__toggle[data-language='{language}']").click()
    suffix = language.replace("-", "_")
    title = page.locator(f"#id_title_{suffix}")
    expect(title).to_be_visible()
    source, target = (
        page.locator("#id_summary_ind").bounding_box(),
        page.locator(f"#id_summary_{suffix}").bounding_box(),
    )
    assert target["x"] >= source["x"] + source["width"]  # the source beside the translation
    assert title.get_attribute("lang") == tag
    assert title.get_attribute("dir") == direction
    body = page.locator(f"[data-contentpath='body_{suffix}']")
    failures = []
    page.on("response", lambda response: response.status >= 500 and failures.append(response.url))
    body.locator(".sinergi-copy__button[data-copy-from='id']").click()
    page.wait_for_function(
        "(path) => document.querySelector(`[data-contentpath='${path}'] .sinergi-copy__status`).textContent",
        arg=f"body_{suffix}",
    )
    assert failures == []
    ind_count = page.locator("input[name='body_ind-count']").input_value()
    assert int(ind_count) > 0
    assert page.locator(f"input[name='body_{suffix}-count']").input_value() == ind_count
    typed = body.locator("input[type=text], textarea").first
    assert typed.get_attribute("dir") == direction
    page.locator(f".sinergi-languages__toggle[data-language='{language}']").click()  # hidden again
    page.set_viewport_size({"width": 1280, "height": 720})


def test_copying_from_an_empty_field_says_so(admin_page, site_url):
    page = admin_page
    open_add_form(page, site_url, "regulationpage", "regulationindexpage")
    page.locator(".sinergi-languages__toggle[data-language='en']").click()
    field = page.locator("[data-contentpath='body_en']")
    field.locator(".sinergi-copy__button[data-copy-from='id']").click()
    status = field.locator(".sinergi-copy__status")
    status.wait_for()
    page.wait_for_function("(el) => el.textContent.length > 0", arg=status.element_handle())
    assert "empty" in status.inner_text()
    page.locator(".sinergi-languages__toggle[data-language='en']").click()


def test_the_first_admin_publish_of_a_demo_guide_flags_translations_only_when_the_text_changed(
    admin_page, site_url
):
    """The admin rewrites the imported markup of every language's body; that alone is no change,
    and a changed Indonesian text in the same first publish is one."""
    page = admin_page
    notice = "The Indonesian version of this page was updated on"
    unchanged = edit_link(page, site_url, "guidepage", "Wisata Indeks C1")
    page.goto(f"{site_url}/admin/pages/{unchanged}/edit/")
    page.wait_for_selector(".sinergi-languages")
    publish(page)
    page.goto(f"{site_url}/en/visa/visa-kunjungan/")
    assert page.locator("h1").inner_text() == "Visitor Visa for Tourism (Index C1)"
    assert notice not in page.content()

    changed = edit_link(page, site_url, "guidepage", "Paspor Baru M-Paspor")
    page.goto(f"{site_url}/admin/pages/{changed}/edit/")
    page.wait_for_selector(".sinergi-languages")
    summary = page.locator("#id_summary_ind")
    summary.fill(summary.input_value() + " Biaya berubah mulai 2027.")
    publish(page)
    page.goto(f"{site_url}/en/paspor/paspor-baru/")
    assert notice in page.content()


def test_an_error_in_a_hidden_language_shows_that_language(admin_page, site_url):
    page = admin_page
    open_add_form(page, site_url, "regulationpage", "regulationindexpage")
    toggle = page.locator(".sinergi-languages__toggle[data-language='ar']")
    toggle.click()
    # Longer than the 500 allowed, so the server refuses it (the browser's own limit is lifted,
    # as for a text pasted into an editor that does not enforce it).
    page.evaluate("document.querySelector('#id_summary_ar').removeAttribute('maxlength')")
    page.fill("#id_summary_ar", "ب" * 600)
    toggle.click()
    expect(page.locator("#id_summary_ar")).to_be_hidden()
    page.fill("#id_title_ind", "Peraturan uji bahasa tersembunyi")
    publish(page)
    expect(page.locator("#id_summary_ar")).to_be_visible()  # the error is next to a visible field
    assert toggle.get_attribute("aria-pressed") == "true"
    page.evaluate("localStorage.removeItem('sinergi-admin-languages')")


@pytest.fixture
def translating(admin_page):
    """The "Translate into" choice is remembered by the browser: forgotten after each test."""
    yield admin_page
    admin_page.evaluate("localStorage.removeItem('sinergi-admin-translate-into')")
    admin_page.set_viewport_size({"width": 1280, "height": 720})


def unit(page, base, suffix):
    """The part of the form holding one language of a field (its panel or its wrapper)."""
    return page.locator(f"[data-sinergi-base='{base}'][data-sinergi-language-unit]").filter(
        has=page.locator(f"[data-contentpath='{base}_{suffix}']")
    )


@pytest.mark.parametrize(
    ("language", "tag", "direction"), [("ar", "ar", "rtl"), ("zh-hans", "zh-Hans", "ltr")]
)
def test_translating_a_guide_beside_its_indonesian_source(translating, site_url, language, tag, direction):
    page = translating
    suffix = language.replace("-", "_")
    page_id = edit_link(page, site_url, "guidepage", "Golden Visa")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    page.wait_for_selector(".sinergi-languages")
    page.select_option(".sinergi-translate__select", language)
    source, target = page.locator("#id_title_ind"), page.locator(f"#id_title_{suffix}")
    expect(target).to_be_visible()
    other = "en" if language != "en" else "ar"
    expect(page.locator(f"#id_title_{other}")).to_be_hidden()  # only the source and the target
    # Side by side: the source first in the admin's reading order (left to right), the target
    # beside it, their inputs on one line.
    left, right = source.bounding_box(), target.bounding_box()
    assert left["x"] + left["width"] <= right["x"]
    assert abs(left["y"] - right["y"]) < 4
    names = {
        code: page.locator(f".sinergi-languages__toggle[data-language='{code}']").inner_text()
        for code in ("id", language)
    }
    expect(unit(page, "title", "ind").locator(".sinergi-column-language")).to_contain_text(names["id"])
    expect(unit(page, "title", suffix).locator(".sinergi-column-language")).to_contain_text(names[language])
    assert target.get_attribute("lang") == tag and target.get_attribute("dir") == direction

    # The source cannot be changed: plain fields are readonly, the StreamField body is inert.
    indonesian = {field: page.locator(f"#id_{field}_ind").input_value() for field in ("title", "summary")}
    blocks = page.locator("input[name='body_ind-count']").input_value()
    expect(source).not_to_be_editable()
    source.click()
    page.keyboard.type("XYZ")
    assert source.input_value() == indonesian["title"]
    source_block = page.locator(
        "[data-contentpath='body_ind'] [data-field-input] [contenteditable=true]"
    ).first
    assert not source_block.evaluate("(el) => { el.focus(); return document.activeElement === el; }")

    # The target is editable, its body copied from the source and edited in its own editor.
    expect(target).to_be_editable()
    typed = {"ar": "التأشيرة الذهبية للمستثمرين", "zh-hans": "面向投资者的黄金签证"}[language]
    target.fill(typed)
    body = page.locator(f"[data-contentpath='body_{suffix}']")
    expect(body.locator(".sinergi-copy__button:visible")).to_have_count(1)  # copy from the source
    body.locator(".sinergi-copy__button[data-copy-from='id']").click()
    expect(body.locator(".sinergi-copy__status")).to_have_text(re.compile(r"\S"))  # copied
    expect(page.locator(f"input[name='body_{suffix}-count']")).to_have_value(blocks)
    paragraph = body.locator("[contenteditable=true]").first
    expect(paragraph).to_contain_text("Golden Visa")  # the copied text, in a working editor
    paragraph.click()
    page.keyboard.type("TR-2026 ")  # key presses: Draft.js ignores a script's inserted text
    expect(paragraph).to_contain_text("TR-2026")
    # Draftail writes its form value a moment after a key press; a person is never this quick.
    expect(page.locator(f"input[name='body_{suffix}-0-value']")).to_have_value(re.compile("TR-2026"))
    assert paragraph.get_attribute("dir") == direction

    save_draft(page)
    assert page.locator(".sinergi-translate__select").input_value() == language  # remembered
    for field, value in indonesian.items():
        assert page.locator(f"#id_{field}_ind").input_value() == value
    assert page.locator("input[name='body_ind-count']").input_value() == blocks
    assert page.locator(f"#id_title_{suffix}").input_value() == typed
    assert page.locator(f"input[name='body_{suffix}-count']").input_value() == blocks
    expect(page.locator(f"[data-contentpath='body_{suffix}'] [contenteditable=true]").first).to_contain_text(
        "TR-2026"
    )

    page.set_viewport_size({"width": 375, "height": 800})  # narrow: the source above the target
    above, below = (
        page.locator("#id_title_ind").bounding_box(),
        page.locator(f"#id_title_{suffix}").bounding_box(),
    )
    assert above["y"] + above["height"] <= below["y"]


def test_an_error_on_the_source_ends_the_translate_mode(translating, site_url):
    page = translating
    open_add_form(page, site_url, "regulationpage", "regulationindexpage")
    page.select_option(".sinergi-translate__select", "ar")
    expect(page.locator("#id_title_ind")).not_to_be_editable()
    rich_text_source = page.locator("[data-contentpath='body_ind'] [data-field-input]")
    expect(rich_text_source).to_have_attribute("inert", "")  # Draftail cannot be reached
    page.fill("#id_title_ar", "لائحة تجريبية")
    publish(page)  # the Indonesian title is required and empty
    expect(page.locator("#id_title_ind")).to_be_editable()  # so it can be filled
    expect(rich_text_source).not_to_have_attribute("inert", "")
    assert page.locator(".sinergi-translate__select").input_value() == ""


def test_a_change_note_added_in_the_translate_mode_is_written_there_in_indonesian(translating, site_url):
    """Only existing text is a source to protect: a note added on the page is being written."""
    page = translating
    page_id = edit_link(page, site_url, "regulationpage", "2011")
    page.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    page.wait_for_selector(".sinergi-languages")
    page.select_option(".sinergi-translate__select", "zh-hans")
    expect(page.locator("input[name='change_notes-0-note_ind']")).not_to_be_editable()
    added = int(page.locator("#id_change_notes-TOTAL_FORMS").input_value())
    add_inline_form(page, "change_notes")
    expect(page.locator(f"input[name='change_notes-{added}-note_ind']")).to_be_editable()
    expect(page.locator(f"input[name='change_notes-{added}-note_zh_hans']")).to_be_editable()
    expect(page.locator("input[name='change_notes-0-note_ind']")).not_to_be_editable()
