"""Every kind of page carries the security headers, under the production profile's
HTTPS settings: HSTS, HTTPS redirect, a Content Security Policy without inline
script (the admin keeps Wagtail's own), no sniffing, no framing, a referrer and a
permissions policy, and secure cookies on the pages that set them."""

import pytest
from django.db import OperationalError, connection
from django.test import Client

from agenda.models import EventPage
from cms.models import FormsLibraryPage, PartnerPage, RegulationIndexPage, RegulationPage, TopicPage
from forums.models import Thread
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

PRODUCTION_HTTPS = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@pytest.fixture
def https(settings):
    for name, value in PRODUCTION_HTTPS.items():
        setattr(settings, name, value)
    return Client(raise_request_exception=False)


def page_type_urls(guide):
    pages = [
        guide.get_parent().get_parent().specific,  # home
        TopicPage.objects.live().first(),
        guide,
        RegulationIndexPage.objects.live().first(),
        RegulationPage.objects.live().first(),
        PartnerPage.objects.live().first(),
        FormsLibraryPage.objects.live().first(),
        EventPage.objects.live().first(),
    ]
    thread = Thread.objects.visible().first()
    return [url_in(page, "en") for page in pages] + [
        "/ar/",
        "/en/search/?q=kitas",
        "/en/events/",  # redirects to the calendar page
        "/en/events/calendar.ics",
        f"/en/forums/thread/{thread.pk}/",
        "/en/complaints/",
        "/en/complaints/track/",
        "/en/transparency/",
        "/en/accounts/login/",
        "/en/no-such-page/",
        "/api/v1/guides/",
        "/readyz",
    ]


def assert_secure_headers(response, url):
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload", url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["X-Frame-Options"] == "DENY", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert response["Permissions-Policy"].startswith("camera=()"), url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    ), url
    for cookie in response.cookies.values():
        assert cookie["secure"] and cookie["samesite"], (url, cookie.key)


def test_every_page_type_carries_the_security_headers(https, guide):
    for url in page_type_urls(guide):
        response = https.get(url, secure=True)
        assert response.status_code in (200, 302, 404), (url, response.status_code)
        assert_secure_headers(response, url)


def test_plain_http_is_redirected_to_https(https, guide):
    response = https.get(url_in(guide, "en"))
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_error_pages_carry_them_too(https):
    def unreachable(*args):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(unreachable):
        response = https.get("/en/", secure=True)
    assert response.status_code == 503
    assert_secure_headers(response, "503")


def test_forms_set_secure_cookies(https):
    response = https.get("/en/complaints/", secure=True)
    assert response.status_code == 200
    assert "csrftoken" in response.cookies and response.cookies["csrftoken"]["secure"]
