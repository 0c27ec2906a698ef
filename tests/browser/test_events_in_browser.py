"""Find a workshop, register a group, get the invitation by email, cancel; pages accessible."""

import email
import time

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.browser

LANGUAGES = ["id", "en", "ar", "zh-hans"]


def emails_to(site_var, address, count, seconds=15):
    """Messages the test site wrote to its mail folder for one address (the file backend)."""
    deadline = time.monotonic() + seconds
    while True:
        found = []
        for path in sorted((site_var / "mail").glob("*.log")) if (site_var / "mail").exists() else []:
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    message = email.message_from_bytes(chunk.strip(b"\n"))
                    if message["To"] == address:
                        found.append(message)
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.3)


def calendar_part(message):
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return part
    return None


def test_find_a_workshop_register_a_group_get_the_invitation_and_cancel(
    site_url, site_var, page, axe_violations
):
    page.goto(f"{site_url}/en/events/")
    page.select_option("#id_kind", "workshop")
    page.select_option("#id_region", "Nusa Tenggara Timur")
    page.locator(".filters button").click()
    page.wait_for_load_state()
    assert page.locator(".session").count() == 1
    page.locator(".session a").first.click()
    page.wait_for_load_state()
    assert "Kupang" in page.locator("h1").inner_text()
    page.locator("a.button", has_text="Register").first.click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    page.check("#id_kind_1")  # a community group
    page.fill("#id_name", "Maria Lopes")
    page.fill("#id_organisation", "Komunitas Flores")
    page.fill("#id_people", "4")
    page.fill("#id_email", "maria.browser@example.org")
    page.select_option("#id_language", "en")
    page.check("#id_consent")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "You are registered" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    (confirmation,) = emails_to(site_var, "maria.browser@example.org", 1)
    part = calendar_part(confirmation)
    assert part is not None and part.get_param("method") == "REQUEST"
    invitation = Calendar.from_ical(part.get_payload(decode=True))
    (event,) = invitation.walk("VEVENT")
    assert str(event["DTSTART"].params["TZID"]) == "Asia/Makassar"

    page.locator("a", has_text="Cancel my registration").click()  # asks first, cancels nothing yet
    page.wait_for_load_state()
    assert len(emails_to(site_var, "maria.browser@example.org", 2, seconds=1)) == 1
    page.locator("button", has_text="Yes, cancel my registration").click()
    page.wait_for_load_state()
    assert "Your registration is cancelled" in page.locator("main").inner_text()
    messages = emails_to(site_var, "maria.browser@example.org", 2)
    # Files are named to the second, so read the methods rather than trust the order.
    (cancel_part,) = [part for part in map(calendar_part, messages) if part.get_param("method") == "CANCEL"]
    cancel = Calendar.from_ical(cancel_part.get_payload(decode=True))
    (cancelled,) = cancel.walk("VEVENT")
    assert str(cancel["METHOD"]) == "CANCEL" and cancelled["UID"] == event["UID"]
    assert int(cancelled["SEQUENCE"]) > int(event["SEQUENCE"])


def test_a_mistake_in_the_form_keeps_what_was_typed(site_url, page):
    page.goto(f"{site_url}/en/events/")
    page.locator(".session a", has_text="stay permits").first.click()
    page.locator("a.button", has_text="Register").first.click()
    page.fill("#id_name", "Ahmad Karimi")
    page.fill("#id_email", "not an email")
    page.locator("form.stacked-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.input_value("#id_name") == "Ahmad Karimi"
    assert page.locator(".error-summary").count() == 1
    assert page.locator("#id_email[aria-invalid=true]").count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_calendar_month_and_event_pages_are_accessible(site_url, page, axe_violations, language):
    page.goto(f"{site_url}/{language}/events/")
    assert axe_violations(page) == []
    page.locator(".calendar-nav a").nth(1).click()  # month view
    page.wait_for_load_state()
    assert page.locator("table.month").count() == 1
    assert axe_violations(page) == []
    page.goto(f"{site_url}/{language}/acara/kelas-hak-pengungsi/")
    assert axe_violations(page) == []
    if language == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
