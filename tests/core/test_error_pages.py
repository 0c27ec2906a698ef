"""Every error page in the site's frame and the reader's language, with a way back (issue 21,
item 6): a form sent without its CSRF token gets a branded 403 (CSRF_FAILURE_VIEW), not Django's
English "Forbidden (403)"; other 403s too; allauth's password pages use the site's templates."""

import html as html_module
import re

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.translation import gettext
from django.views.defaults import permission_denied

from core.views import server_error

LANGUAGES = ["id", "en", "ar", "zh-hans"]
NOTHING_SAVED = (
    "Nothing you typed has been saved. This happens when the page was open for a long time, "
    "or when your browser blocks cookies for this site."
)


def in_language(language, message):
    with translation.override(language):
        text = gettext(message)
    assert language == "en" or text != message, f"{message!r} is not translated into {language}"
    return html_module.escape(text)


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_sent_without_its_token_gets_a_branded_page_in_the_readers_language(language, db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/complaints/", {"description": "Petugas meminta uang tambahan."})
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert title_of(html).startswith(in_language(language, "Error:"))
    assert f"<h1>{in_language(language, 'Your form could not be sent')}</h1>" in html
    assert in_language(language, NOTHING_SAVED) in html
    assert f'href="/{language}/"' in html and in_language(language, "Go to the home page") in html
    assert 'class="official-banner"' in html and '<footer class="site-footer"' in html
    assert "CSRF" not in html  # Django's own page explains tokens to developers


def test_the_csrf_page_leads_back_to_the_form_only_on_this_site(db):
    client = Client(enforce_csrf_checks=True)
    back = "http://testserver/en/complaints/"
    html = client.post("/en/complaints/", {}, HTTP_REFERER=back).content.decode()
    assert f'<a href="{back}">Go back to the form</a>' in html
    html = client.post("/en/complaints/", {}, HTTP_REFERER="https://imigrasi-palsu.example/").content.decode()
    assert "imigrasi-palsu" not in html and ">Go back to the form</a>" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refusal_is_branded_and_translated(language, db):
    request = RequestFactory().get(f"/{language}/forums/")
    with translation.override(language):
        response = permission_denied(request, PermissionDenied())
    html = response.content.decode()
    assert response.status_code == 403
    assert title_of(html).startswith(in_language(language, "Error:"))
    assert in_language(language, "You cannot open this page") in html
    assert 'class="official-banner"' in html and in_language(language, "Go to the home page") in html


ACCOUNT_PAGES = {
    "/accounts/password/reset/": "Reset your password",
    "/accounts/password/reset/done/": "Check your email",
    "/accounts/password/reset/key/1-not-a-key/": "This link does not work",
    "/accounts/inactive/": "This account is closed",
}
SIGNED_IN_PAGES = {
    "/accounts/password/change/": "Change your password",
    "/accounts/reauthenticate/": "Confirm it is you",
    "/accounts/email/": "Your email addresses",
}


def assert_site_page(html, language, heading):
    assert f'<html lang="{language}"' in html
    assert 'class="official-banner"' in html and '<footer class="site-footer"' in html
    assert re.search(rf"<h1>\s*{re.escape(in_language(language, heading))}\s*</h1>", html), heading
    for form in re.findall(r'<form method="post"[^>]*>', html[html.index("<main") :]):
        if "search" not in form:
            assert "stacked-form" in form and "novalidate" in form, form


@pytest.mark.parametrize("language", LANGUAGES)
def test_allauth_pages_use_the_site_templates(client, make_user, language, db):
    for path, heading in ACCOUNT_PAGES.items():
        response = client.get(f"/{language}{path}", follow=True)
        assert response.status_code == 200, path
        assert_site_page(response.content.decode(), language, heading)
    client.force_login(make_user("reader"))
    for path, heading in SIGNED_IN_PAGES.items():
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200, path
        assert_site_page(response.content.decode(), language, heading)


def test_a_bad_password_reset_shows_the_summary_in_the_readers_language(client, db):
    html = client.post("/ar/accounts/password/reset/", {"email": "not-an-address"}).content.decode()
    assert title_of(html).startswith(in_language("ar", "Error:"))
    assert 'class="error-summary"' in html and 'href="#id_email"' in html


def test_the_server_error_page_carries_the_official_strip_without_the_database(
    rf, django_assert_num_queries, db
):
    """The 500 page may be shown because the database failed: the strip needs none."""
    with translation.override("ar"), django_assert_num_queries(0):
        response = server_error(rf.get("/ar/"))
    html = response.content.decode()
    assert response.status_code == 500 and 'class="official-banner"' in html
    assert in_language("ar", "An official site of the Directorate General of Immigration (sample)") in html


def test_the_email_page_lists_the_accounts_addresses_in_the_sites_form(client, make_user, db):
    user = make_user("member")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    html = client.get("/ar/accounts/email/").content.decode()
    assert f'value="{user.email}"' in html and f'<span dir="ltr">{user.email}</span>' in html
    assert in_language("ar", "main address") in html and in_language("ar", "confirmed") in html
