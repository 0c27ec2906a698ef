"""A topic page offers its smart answers as cards, accessible in every script."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_topic_page_leads_to_its_smart_answer(site_url, page, axe_violations, language):
    page.goto(f"{site_url}/{language}/visa/")
    assert axe_violations(page) == []
    page.locator("#h-check + .card-list a").first.click()
    page.wait_for_load_state()
    assert "/cek-kebutuhan/visa-untuk-berkunjung/" in page.url
    assert page.locator("main a.button").count() == 1  # "Start now"
