"""Official identity on every public page (issue 21, item 4): the "official site" strip with
its no-script disclosure on how to spot an imitation, the agency's name and emblem that editors
set in the site profile, and a footer with contact channels, the office finder, the
accessibility statement, privacy, open data and the imitation-site advice."""

import html as html_module
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.models import OfficeIndexPage, SiteProfile, StandardPage

LANGUAGES = ["id", "en", "ar", "zh-hans"]
STRIP = "An official site of the Directorate General of Immigration (sample)"
DISCLOSURE = "How to recognise an official site"
PAGES = [
    "/",
    "/visa/visa-kunjungan/",
    "/complaints/",
    "/forums/",
    "/complaints/track/",
    "/accounts/login/",
    "/no-such-page/",
]


def in_language(language, message):
    with translation.override(language):
        text = gettext(message)
    assert language == "en" or text != message, f"{message!r} is not translated into {language}"
    return html_module.escape(text)


def page_html(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404), (path, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_carries_the_official_strip_in_the_readers_language(client, language, db):
    strip, disclosure = in_language(language, STRIP), in_language(language, DISCLOSURE)
    for path in PAGES:
        html = page_html(client, f"/{language}{path}")
        body = html[html.index("<body") :]
        assert body.index(strip) < body.index('<header class="site-header"'), path
        details = re.search(r'<section class="official-banner".*?</section>', body, re.S).group(0)
        assert "<details" in details and "<summary>" in details and disclosure in details, path
        assert (
            in_language(
                language, "We never ask for your password or a one-time code by phone, chat or social media."
            )
            in details
        )
        assert 'id="official-site-help"' in details


def test_the_agency_name_and_emblem_come_from_the_site_profile(client, db):
    profile = SiteProfile.load()
    profile.agency_name_ind = "Direktorat Jenderal Imigrasi"
    profile.agency_name_en = ""
    profile.save()
    header = page_html(client, "/en/").split('<header class="site-header"')[1].split("</header>")[0]
    assert '<span class="site-header__agency">Direktorat Jenderal Imigrasi</span>' in header

    profile.emblem = Image.objects.create(title="Emblem", file=get_test_image_file())
    profile.save()
    header = page_html(client, "/id/").split('<header class="site-header"')[1].split("</header>")[0]
    emblem = re.search(r'<img class="site-header__emblem"[^>]*>', header).group(0)
    assert 'alt="Direktorat Jenderal Imigrasi"' in emblem and 'height="48"' in emblem
    assert "site-header__agency" not in header  # the emblem's text alternative names the agency once


@pytest.mark.parametrize(
    "language, name",
    [
        ("id", "Direktorat Jenderal Imigrasi"),
        ("en", "Directorate General of Immigration"),
        ("ar", "المديرية العامة للهجرة"),
        ("zh-hans", "印度尼西亚移民总局"),
    ],
)
def test_the_agency_is_named_in_the_readers_language(client, language, name, db):
    """The name was one plain field: Arabic and Chinese readers met it in Indonesian."""
    html = page_html(client, f"/{language}/")
    header = html.split('<header class="site-header"')[1].split("</header>")[0]
    footer = html[html.index('<footer class="site-footer"') :]
    assert f">{name}</span>" in header
    assert f">{name}</p>" in footer


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_leads_to_contact_offices_statements_open_data_and_imitation_advice(client, language, db):
    profile = SiteProfile.load()
    profile.contact_phone, profile.contact_email = "+62 21 1500 099", "info@imigrasi.example"
    profile.save()
    html = page_html(client, f"/{language}/visa/visa-kunjungan/")
    footer = html[html.index('<footer class="site-footer"') :]
    assert 'href="tel:+62211500099"' in footer and 'href="mailto:info@imigrasi.example"' in footer
    with translation.override(language):
        finder = OfficeIndexPage.finder_url()
        open_data = reverse("evaluation:schema")
        statements = {
            slug: StandardPage.objects.get(slug=slug).specific.get_url()
            for slug in ("aksesibilitas", "privasi")
        }
    assert finder and f'href="{finder}"' in footer
    assert f'href="{open_data}"' in footer and open_data.startswith(f"/{language}/")
    for slug, url in statements.items():
        assert f'href="{url}"' in footer, slug
    assert 'href="#official-site-help"' in footer and 'id="official-site-help"' in html
    for label in ("Find an immigration office", "Open data", "How to spot imitation sites"):
        assert in_language(language, label) in footer


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_statements_say_what_readers_need(client, language, db):
    """The accessibility statement names the standard, its known limits and how to report a
    problem; the privacy notice says what is kept, for how long, and the reader's rights."""
    with translation.override(language):
        urls = {slug: StandardPage.objects.get(slug=slug).get_url() for slug in ("aksesibilitas", "privasi")}
    accessibility, privacy = page_html(client, urls["aksesibilitas"]), page_html(client, urls["privasi"])
    assert "WCAG" in accessibility and "2.2" in accessibility and accessibility.count("<h2") >= 3
    assert privacy.count("<h2") >= 3
    for days in ("365", "90", "63"):
        assert days in privacy, days


def test_editors_set_the_agency_name_and_emblem_in_the_site_settings(client, django_user_model, db):
    client.force_login(
        django_user_model.objects.create_superuser("chief", "chief@example.org", "pw-test-1234")
    )
    url = client.get("/admin/settings/cms/siteprofile/")["Location"]  # the profile's own page
    form = client.get(url)
    assert form.status_code == 200
    for field in ("agency_name_ind", "agency_name_en", "agency_name_ar", "agency_name_zh_hans", "emblem"):
        assert f'name="{field}"' in form.content.decode()
    emblem = Image.objects.create(title="Emblem", file=get_test_image_file())
    response = client.post(
        url,
        {
            "agency_name_ind": "Direktorat Jenderal Imigrasi",
            "agency_name_en": "Directorate General of Immigration",
            "agency_name_ar": "",
            "agency_name_zh_hans": "",
            "emblem": emblem.pk,
            "contact_email": "",
            "contact_phone": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = SiteProfile.load()
    assert (profile.agency_name_ind, profile.emblem) == ("Direktorat Jenderal Imigrasi", emblem)
    with translation.override("en"):
        assert SiteProfile.load().agency_name == "Directorate General of Immigration"
    with translation.override("ar"):
        assert SiteProfile.load().agency_name == "Direktorat Jenderal Imigrasi"  # falls back
