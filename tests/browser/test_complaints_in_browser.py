"""Complaints in a real browser: file anonymously without JavaScript, get the code, look it up,
see a status change made by staff in the admin; accessibility of every complaints page in four languages."""

import os
import subprocess
import sys

import pytest

from complaints.demo import demo_code
from tests.browser.conftest import ROOT, log_in_to_admin

pytestmark = pytest.mark.browser

LANGUAGES = ["id", "en", "ar", "zh-hans"]
ADMIN_PASSWORD = "browser-test-pw-8842"


def site_manage(tmp_path_factory, *args):
    """Run manage.py against the test server's own database (its folder under pytest's temp dir)."""
    databases = {
        path.resolve() for path in tmp_path_factory.getbasetemp().glob("browser-site*/sinergi.sqlite3")
    }
    assert len(databases) == 1, databases
    env = dict(
        os.environ,
        SINERGI_VAR_DIR=str(databases.pop().parent),
        SINERGI_ENV="development",
        DJANGO_SETTINGS_MODULE="config.settings",  # what `make run` serves, not the test settings
        DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD,
    )
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, check=True)


def look_up(page, site_url, code, language="en"):
    page.goto(f"{site_url}/{language}/complaints/track/")
    page.fill("#id_code", code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_file_anonymously_look_up_and_see_the_staff_change(site_url, browser, tmp_path_factory):
    public = browser.new_context(java_script_enabled=False)
    page = public.new_page()
    try:
        page.goto(f"{site_url}/en/complaints/")
        page.check("input[name=category][value=misconduct]")
        page.select_option("#id_office", index=1)
        page.fill("#id_description", "An officer asked for an unofficial fee to speed up my stay permit.")
        page.fill("#id_happened_on", "2025-01-15")
        page.wait_for_timeout(5500)  # the form's minimum fill time
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.url.endswith("/en/complaints/received/")
        code = page.locator(".complaint-code").inner_text().strip()
        assert len(code) == 19 and code.count("-") == 3

        look_up(page, site_url, code)
        assert page.url.endswith("/en/complaints/status/")
        assert page.locator(".complaint-timeline__item").count() == 1
        assert "unofficial fee" not in page.content()

        site_manage(
            tmp_path_factory,
            "createsuperuser",
            "--noinput",
            "--username",
            "browser-admin",
            "--email",
            "a@example.org",
        )
        staff = browser.new_context()
        admin = staff.new_page()
        try:
            log_in_to_admin(admin, site_url, "browser-admin", ADMIN_PASSWORD)
            admin.goto(f"{site_url}/admin/complaints/")
            admin.fill("#id_code", code)
            admin.locator("form[action$='/complaints/find/'] button").click()
            admin.wait_for_load_state()
            assert "unofficial fee" in admin.content()
            admin.select_option("#id_status", "verified")
            admin.fill("#id_public_note", "We have checked your report and passed it to the inspectorate.")
            admin.locator("form:has(input[name=action][value=status]) button[type=submit]").click()
            admin.wait_for_load_state()
        finally:
            staff.close()

        page.goto(f"{site_url}/en/complaints/status/")
        items = page.locator(".complaint-timeline__item")
        assert items.count() == 2
        assert "Verified" in items.nth(1).inner_text()
        assert "passed it to the inspectorate" in items.nth(1).inner_text()
    finally:
        public.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["/complaints/", "/complaints/track/", "/complaints/statistics/"])
def test_complaints_pages_are_accessible(site_url, page, axe_violations, language, path):
    response = page.goto(f"{site_url}/{language}{path}")
    assert response.status == 200
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_with_errors_is_accessible_and_mirrors_in_arabic(site_url, page, axe_violations, language):
    page.goto(f"{site_url}/{language}/complaints/")
    page.fill("#id_contact_email", "not an address")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary[role=alert] li").count() >= 4
    assert page.input_value("#id_contact_email") == "not an address"
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_page_is_accessible(site_url, page, axe_violations, language):
    look_up(page, site_url, demo_code(7), language)  # resolved: timeline, reopen and add forms
    assert page.url.endswith(f"/{language}/complaints/status/")
    assert page.locator(".complaint-timeline__item").count() == 4
    assert axe_violations(page) == []


def test_the_satisfaction_question_is_accessible(site_url, page, axe_violations):
    look_up(page, site_url, demo_code(11), "ar")  # closed, question not answered yet
    assert page.locator("input[name=satisfaction]").count() == 5
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_horizontal_scrolling_at_320_px(site_url, page, language):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{site_url}/{language}/complaints/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_nothing_is_blocked_by_the_content_security_policy(site_url, browser):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if "Content Security Policy" in message.text else None,
    )
    try:
        page.goto(f"{site_url}/en/complaints/")
        page.goto(f"{site_url}/en/complaints/statistics/")
    finally:
        context.close()
    assert problems == []
