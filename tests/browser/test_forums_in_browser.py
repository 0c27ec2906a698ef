"""Forums in a real browser: sign up, verify by the emailed link, ask, held, approved, answered, notified.

Works without JavaScript (plain forms). The official is a staff account made with
the test site's manage.py, since demo accounts cannot sign in.
"""

import email
import re
import time
from email.header import decode_header, make_header

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in_to_admin, manage_site

pytestmark = pytest.mark.browser
LANGUAGES = ["id", "en", "ar", "zh-hans"]
OFFICER_PASSWORD = "officer-pass-4471-x"


def manage(site_var, code):
    manage_site(site_var, "shell", "-c", code)


def mails_to(site_var, address):
    folder = site_var / "mail"
    messages = []
    for path in sorted(folder.glob("*")) if folder.exists() else []:
        for raw in path.read_text().split("\n" + "-" * 79 + "\n"):
            if raw.strip():
                message = email.message_from_string(raw.strip())
                if address in (message["To"] or ""):
                    messages.append(message)
    return messages


def body_of(message):
    part = (
        message.get_payload(decode=True)
        if not message.is_multipart()
        else message.get_payload(0).get_payload(decode=True)
    )
    return part.decode()


def wait_for_mail(site_var, address, pattern, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for message in mails_to(site_var, address):
            found = re.search(pattern, body_of(message))
            if found:
                return found.group(0)
        time.sleep(0.3)
    raise AssertionError(f"no email to {address} matching {pattern}")


@pytest.fixture(scope="module")
def officer(site_url, site_var):
    manage(
        site_var,
        "from django.contrib.auth.models import User, Group; "
        "from allauth.account.models import EmailAddress; "
        "u, _ = User.objects.get_or_create(username='officer-browser', defaults={'email': 'officer-browser@example.org', 'is_staff': True}); "
        f"u.set_password('{OFFICER_PASSWORD}'); u.save(); "
        "u.groups.add(Group.objects.get(name='Officials'), Group.objects.get(name='Forum moderators')); "
        "EmailAddress.objects.get_or_create(user=u, email=u.email, defaults={'verified': True, 'primary': True})",
    )
    return "officer-browser"


def test_sign_up_verify_ask_moderate_answer_and_notify(page, browser, site_url, site_var, officer):
    address = "browser-asker@example.org"
    page.goto(f"{site_url}/en/accounts/signup/")
    page.fill("#id_email", address)
    page.fill("#id_display_name", "Browser Asker")
    page.select_option("#id_language", "en")
    page.fill("#id_password1", "A-long-pass-phrase-7719")
    page.fill("#id_password2", "A-long-pass-phrase-7719")
    page.click("main button[type=submit]")
    assert "Check your email" in page.content()

    link = wait_for_mail(site_var, address, r"https?://\S+/accounts/confirm-email/\S+/")
    page.goto(f"{site_url}/{link.split('://', 1)[1].split('/', 1)[1]}")
    page.click("main button[type=submit]")

    page.goto(f"{site_url}/en/forums/board/visa/new/")
    page.check("input[name=kind][value=question]")
    page.fill("#id_title", "Can my visit visa be converted to a KITAS?")
    page.fill("#id_body", "I am on a visit visa and got a job offer. Can I **convert** it here?")
    time.sleep(4.5)  # the minimum time to fill the form
    page.click("main form button[type=submit]")
    assert "waiting for a moderator" in page.content()

    officer_context = browser.new_context(bypass_csp=True, extra_http_headers={"Accept-Language": "en"})
    officer_page = officer_context.new_page()
    log_in_to_admin(officer_page, site_url, officer, OFFICER_PASSWORD)
    officer_page.goto(f"{site_url}/admin/forums/")
    row = officer_page.locator("tr", has_text="Can my visit visa be converted to a KITAS?")
    row.locator("button", has_text="Approve").click()
    assert "Can my visit visa be converted to a KITAS?" not in officer_page.content()

    page.goto(f"{site_url}/en/forums/board/visa/")
    page.click("text=Can my visit visa be converted to a KITAS?")
    page.wait_for_url("**/forums/thread/**")  # content() read mid-navigation is empty
    expect(page.locator("strong", has_text="convert")).to_be_visible()
    thread_url = page.url

    officer_page.goto(thread_url)
    officer_page.fill(
        "#id_body", "Yes: your employer applies for a work KITAS; you need not leave Indonesia."
    )
    officer_page.check("#id_official")
    time.sleep(4.5)
    officer_page.click("#reply button[type=submit]")
    assert "forum-badge--official" in officer_page.content()
    officer_context.close()

    page.goto(thread_url)
    answer = page.locator(".forum-post--official")
    assert "your employer applies for a work KITAS" in answer.inner_text()
    assert "Official answer" in answer.inner_text()
    notice = wait_for_mail(site_var, address, r"your employer applies for a work KITAS")
    assert notice
    official = [
        message
        for message in mails_to(site_var, address)
        if "Official answer" in str(make_header(decode_header(message["Subject"] or "")))
    ]
    assert official and official[-1]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "".join(official[-1]["List-Unsubscribe"].split()).strip("<>") in body_of(official[-1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_forum_pages_are_accessible(page, site_url, axe_violations, language):
    page.goto(f"{site_url}/{language}/forums/")
    assert axe_violations(page) == []
    page.goto(f"{site_url}/{language}/forums/board/visa/")
    assert axe_violations(page) == []
    page.locator(".forum-threads__title a").first.click()
    assert axe_violations(page) == []
    page.goto(f"{site_url}/{language}/accounts/signup/")
    assert axe_violations(page) == []
    page.click("main button[type=submit]")  # the error summary and invalid fields
    assert page.locator("[role=alert]").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_post_form_is_accessible_when_signed_in(
    browser, site_url, site_var, axe_violations, officer, language
):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    log_in_to_admin(page, site_url, officer, OFFICER_PASSWORD)
    page.goto(f"{site_url}/{language}/forums/board/visa/new/")
    assert axe_violations(page) == []
    page.click("main form button[type=submit]")
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert axe_violations(page) == []
    context.close()
