"""Find a regulation, see that it was amended, open the amending one; all pages accessible."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_find_a_regulation_see_it_was_amended_open_the_new_one(site_url, page, axe_violations, language):
    page.goto(f"{site_url}/{language}/peraturan/")
    assert axe_violations(page) == []
    page.select_option("#f-status", "amended")
    page.locator(".filters button").click()
    page.wait_for_load_state()
    assert "status=amended" in page.url
    page.locator(".guide-list li a").first.click()
    page.wait_for_load_state()
    banner = page.locator(".banner--amended")
    assert banner.count() == 1
    assert axe_violations(page) == []
    old_title = page.locator("h1").inner_text()
    banner.locator("a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() != old_title
    chain = page.locator(".chain").inner_text()
    assert old_title in chain  # the new one says what it amends
    assert axe_violations(page) == []


def test_version_comparison_is_accessible(site_url, page, axe_violations):
    page.goto(f"{site_url}/en/peraturan/")
    links = page.locator(".guide-list li a")
    for number in range(links.count()):
        page.goto(f"{site_url}/en/peraturan/")
        page.locator(".guide-list li a").nth(number).click()
        page.wait_for_load_state()
        compare = page.locator("text=Compare published versions")
        if compare.count():
            compare.click()
            page.wait_for_load_state()
            assert page.locator("ins, del").count() > 0
            assert axe_violations(page) == []
            return
    pytest.fail("no regulation with two published versions in the demo")


@pytest.mark.parametrize("path", ["/mitra/", "/formulir/", "/follow/?topic=visa"])
def test_directory_library_and_follow_pages_are_accessible(site_url, page, axe_violations, path):
    for language in ("en", "ar"):
        response = page.goto(f"{site_url}/{language}{path}")
        assert response.status == 200
        assert axe_violations(page) == []
