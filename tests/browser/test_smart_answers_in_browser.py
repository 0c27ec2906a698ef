"""Smart answers in a real browser: every step of a sample flow passes axe in four languages,
and a reader without JavaScript answers the questions to an outcome and changes an answer."""

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["id", "en", "ar", "zh-hans"]
OVERSTAY = "/cek-kebutuhan/melewati-izin-tinggal/"
VISIT = "/cek-kebutuhan/visa-untuk-berkunjung/"
STEPS = [
    OVERSTAY,
    f"{OVERSTAY}?start=1",
    f"{OVERSTAY}?days_over=abc",  # the error summary
    f"{OVERSTAY}?days_over=10",
    f"{OVERSTAY}?days_over=10&reasons=none",
    f"{OVERSTAY}?days_over=10&reasons=none&leaving=stay",  # the outcome and its summary
    f"{VISIT}?purpose=tourism",  # the country list
    f"{VISIT}?purpose=tourism&nationality=MY&days=14",  # the date
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_has_no_serious_accessibility_violations(site_url, page, axe_violations, language):
    failures = {}
    for step in STEPS:
        response = page.goto(f"{site_url}/{language}{step}")
        assert response.status == 200
        found = axe_violations(page)
        if found:
            failures[step] = found
    assert failures == {}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_answering_without_javascript(site_url, browser, language):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{language}{OVERSTAY}")
        page.locator("main a.button").click()
        page.locator("input[name=days_over]").fill("12")
        page.locator("main form button[type=submit]").click()
        page.locator("main form button[type=submit]").click()  # nothing ticked: an error
        assert page.locator(".error-summary").is_visible()
        if language == "en":
            assert page.title().startswith("Error:")
        page.locator("input[name=reasons][value=none]").check()
        page.locator("main form button[type=submit]").click()
        page.locator("input[name=leaving][value=leave]").check()
        page.locator("main form button[type=submit]").click()
        assert "days_over=12" in page.url and "leaving=leave" in page.url
        values = page.locator(".smart-answer__values dd").inner_text()
        assert "12.000.000" in values or "12,000,000" in values
        page.locator(".smart-answer__answers a").first.click()  # change the number of days
        page.locator("input[name=days_over]").fill("61")
        page.locator("main form button[type=submit]").click()
        assert "reasons" not in page.url
        assert page.locator(".smart-answer__answers dd").count() == 1
    finally:
        context.close()
