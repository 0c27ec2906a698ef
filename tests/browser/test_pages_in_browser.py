"""The public pages in a real browser: accessibility, right-to-left layout, no-JS use, small screens."""

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["id", "en", "ar", "zh-hans"]
GUIDE = "/visa/visa-kunjungan/"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["/", GUIDE, "/search/?q=visa"], ids=["home", "guide", "search"])
def test_no_serious_accessibility_violations(site_url, page, axe_violations, language, path):
    response = page.goto(f"{site_url}/{language}{path}")
    assert response.status == 200
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("language", "typed", "meant"),
    [("en", "golden vissa", "golden visa"), ("ar", "تأشيرة الزيراة", "تأشيرة الزيارة")],
)
def test_the_results_of_a_correction_say_so_and_lead_back_to_the_words_typed(
    site_url, page, axe_violations, language, typed, meant
):
    """The notice above a correction's results is accessible in both directions, and its link
    searches the words as typed, without JavaScript as with it."""
    page.goto(f"{site_url}/{language}/search/?q={typed}")
    notice = page.locator(".search-correction")
    assert notice.locator("strong").inner_text() == meant
    assert page.input_value("#search-q") == meant
    assert axe_violations(page) == []
    notice.locator("a").click()
    page.wait_for_load_state()
    assert page.input_value("#search-q") == typed
    assert page.locator(".search-correction").count() == 0


def test_arabic_layout_mirrors(site_url, page):
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(f"{site_url}/ar{GUIDE}")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    brand = page.locator(".site-header__brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] > switcher["x"], "the site name should sit on the right in Arabic"
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > 1024 / 2, "headings start on the right"

    page.goto(f"{site_url}/en{GUIDE}")
    brand = page.locator(".site-header__brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] < switcher["x"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["/", GUIDE, "/search/?q=visa"], ids=["home", "guide", "search"])
def test_no_horizontal_scrolling_at_320_px(site_url, page, language, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{site_url}/{language}{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_find_a_guide_and_switch_language_without_javascript(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/en/")
        page.locator(".topics a").first.click()
        page.wait_for_load_state()
        assert "/en/" in page.url
        page.locator(".guide-list a").first.click()
        page.wait_for_load_state()
        guide_path = page.url.split("/en", 1)[1]
        page.locator(".language-switcher a[lang='ar']").click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/ar{guide_path}")
        assert page.evaluate("document.documentElement.dir") == "rtl"
    finally:
        context.close()


def test_skip_link_is_first_and_visible_on_focus(site_url, page):
    page.goto(f"{site_url}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_search_without_javascript(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/en/")
        page.fill("#header-search-q", "passport")
        page.press("#header-search-q", "Enter")
        page.wait_for_load_state()
        assert "/en/search/?q=passport" in page.url
        assert page.locator(".result-list li").count() > 0
        page.locator(".facets a").first.click()
        page.wait_for_load_state()
        assert page.locator(".facets a[aria-current]").count() == 1
    finally:
        context.close()


def test_autocomplete_suggests_while_typing(site_url, page):
    page.goto(f"{site_url}/en/search/")
    page.locator("#search-q").press_sequentially("pass", delay=50)
    page.wait_for_function("document.querySelectorAll('#search-suggestions option').length > 0")
    options = page.eval_on_selector_all("#search-suggestions option", "els => els.map(e => e.value)")
    assert all("pass" in option.lower() for option in options)


@pytest.mark.parametrize(
    "path", ["/", GUIDE, "/search/?q=visa", "/peraturan/", "/kantor/", "/kantor/kantor-imigrasi-denpasar/"]
)
def test_nothing_is_blocked_by_the_content_security_policy(site_url, browser, path):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if "Content Security Policy" in message.text else None,
    )
    try:
        response = page.goto(f"{site_url}/en{path}")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        # The search page has its own box instead of the header's; both suggest as you type.
        page.locator("#header-search-q, #search-q").first.press_sequentially("pas", delay=30)
        page.wait_for_timeout(400)
    finally:
        context.close()
    assert problems == []
