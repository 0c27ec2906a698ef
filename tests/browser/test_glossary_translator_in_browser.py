"""A glossary translator's concept form in Chromium: the other languages' rows are shown as the
source, without the buttons that would seem to move or remove them."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in_to_admin, manage_site

pytestmark = pytest.mark.browser

USERNAME = "glossary-translator"
PASSWORD = "browser-glossary-pw-8831"
CREATE = f"""
from django.contrib.auth.models import Group, User
user = User.objects.create_user({USERNAME!r}, "glossary@example.org", {PASSWORD!r})
user.groups.add(Group.objects.get(name="Glossary translators (English)"))
"""


@pytest.fixture
def translator_page(browser, site_url, site_var):
    manage_site(site_var, "shell", "-c", CREATE)
    context = browser.new_context(locale="en")
    page = context.new_page()
    log_in_to_admin(page, site_url, USERNAME, PASSWORD)
    yield page
    context.close()


def test_a_translator_sees_no_move_or_delete_button_on_another_languages_term(translator_page, site_url):
    page = translator_page
    page.goto(f"{site_url}/admin/snippets/search/concept/?q=kitas")
    page.locator("a[href*='/edit/']").first.click()
    page.wait_for_load_state()
    rows = page.locator("[data-inline-panel-child]")
    indonesian = rows.filter(
        has=page.locator("select[name$='-language'][disabled] option[value='id'][selected]")
    )
    english = rows.filter(
        has=page.locator("select[name$='-language']:not([disabled]) option[value='en'][selected]")
    )
    expect(indonesian.first.locator("input[name$='-text']")).to_be_disabled()
    expect(indonesian.first.locator("button[id$='-DELETE-button']")).to_be_hidden()
    expect(indonesian.first.locator("[data-inline-panel-child-move-up]")).to_be_hidden()
    expect(english.first.locator("button[id$='-DELETE-button']")).to_be_visible()
