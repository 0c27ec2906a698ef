"""Errors the GOV.UK way on every public form: after a failed submit the summary comes
first in main (before the heading), is focused on load without script (autofocus), the
title starts with the reader's "Error:", each error links to a field that exists, and
the browser's own validation pop-ups are off (novalidate)."""

import re

import pytest

ERROR_PREFIX = {"id": "Kesalahan:", "en": "Error:", "ar": "خطأ:", "zh-hans": "错误："}


def failed_submits(guide, session):
    """(path, data) posts that fail validation, one per form."""
    return {
        "complaint": ("/complaints/", {"description": ""}),
        "tracking": ("/complaints/track/", {"code": "not a code"}),
        "registration": (f"{session.page.url.removeprefix('/id')}register/{session.pk}/", {"name": ""}),
        "sign-up": ("/accounts/signup/", {"email": "not-an-address"}),
        "sign-in": ("/accounts/login/", {"login": "", "password": ""}),
        "password reset": ("/accounts/password/reset/", {"email": "not-an-address"}),
        "follow": ("/follow/", {"topic": "visa", "email": "not-an-address"}),
    }


@pytest.fixture
def session(db):
    from agenda.models import EventSession

    return EventSession.objects.select_related("page").order_by("-start").first()


@pytest.mark.parametrize("language", ERROR_PREFIX)
@pytest.mark.parametrize(
    "form", ["complaint", "tracking", "registration", "sign-up", "sign-in", "password reset", "follow"]
)
def test_a_failed_submit_shows_the_summary_first(client, guide, session, form, language):
    path, data = failed_submits(guide, session)[form]
    response = client.post(f"/{language}{path}", data)
    assert response.status_code in (200, 400), response.status_code
    html = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    assert title.startswith(ERROR_PREFIX[language]), title
    main = html[html.index('<main id="main"') :]
    summary = main.index('class="error-summary"')
    assert summary < main.index("<h1"), "the summary comes before the page's heading"
    assert re.search(r'class="error-summary"[^>]*autofocus', main)
    for target in re.findall(r'<div class="error-summary".*?</div>', main, re.S)[0].split('href="#')[1:]:
        anchor = target.split('"')[0]
        assert f'id="{anchor}"' in html, f"the summary links to #{anchor}, which is not on the page"
    for form_tag in re.findall(r"<form[^>]*method=\"post\"[^>]*>", main):
        if "stacked-form" in form_tag:
            assert "novalidate" in form_tag, form_tag


@pytest.mark.parametrize(
    "form_class, fields",
    [
        ("agenda.forms.RegistrationForm", {"name": "name", "organisation": "organization"}),
        ("complaints.forms.ComplaintForm", {"contact_name": "name"}),
    ],
)
def test_personal_fields_say_what_they_hold(form_class, fields, db):
    """Phones get the phone keypad, browsers may fill in the person's details, and digits
    and addresses stay left to right inside Arabic pages."""
    from django.utils.module_loading import import_string

    form = import_string(form_class)()
    html = {name: str(form[name]) for name in form.fields}
    for name, token in fields.items():
        assert f'autocomplete="{token}"' in html[name], name
    emails = [name for name in html if "email" in name]
    phones = [name for name in html if "phone" in name]
    assert emails and phones
    for name in emails:
        assert (
            'type="email"' in html[name]
            and 'dir="ltr"' in html[name]
            and 'autocomplete="email"' in html[name]
        )
    for name in phones:
        assert 'type="tel"' in html[name] and 'dir="ltr"' in html[name] and 'autocomplete="tel"' in html[name]
