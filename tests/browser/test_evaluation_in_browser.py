"""Rate a page without JavaScript, leave a comment, see the public dashboard; all accessible."""

import pytest

pytestmark = pytest.mark.browser


def test_rate_a_guide_and_comment(site_url, page, axe_violations):
    page.goto(f"{site_url}/en/visa/visa-kunjungan/")
    assert axe_violations(page) == []
    page.locator(".helpful button[value=no]").click()
    page.wait_for_load_state()
    assert "Thank you for your feedback" in page.locator("h1").inner_text()
    assert axe_violations(page) == []
    page.fill("#id_comment", "The fee table is missing. Mail me: me@example.org")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Your comment is saved" in page.locator("main").inner_text()


@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_dashboard_is_accessible_and_has_tables_beside_charts(site_url, page, axe_violations, language):
    page.goto(f"{site_url}/{language}/transparency/")
    assert axe_violations(page) == []
    assert page.locator("figure.chart").count() >= 3
    assert page.locator("figure.chart table").count() == page.locator("figure.chart").count()
    page.select_option("#period", "90d")
    page.locator("form.filters button").click()
    page.wait_for_load_state()
    assert "period=90d" in page.url
    assert axe_violations(page) == []
