"""Public pages: rendering in four languages, navigation, fallbacks and errors."""

import re

import pytest
from django.utils import translation

from tests.helpers import url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["id", "en", "ar", "zh-hans"]


def html_tag(content):
    return re.search(r"<html[^>]*>", content).group(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_in_each_language(client, home, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f'lang="{language}"' in html_tag(content)
    expected_dir = "rtl" if language == "ar" else "ltr"
    assert f'dir="{expected_dir}"' in html_tag(content)
    with translation.override(language):
        assert home.title in content
    assert 'href="#main"' in content  # skip link
    assert "<main" in content and "<nav" in content and "<footer" in content


def test_root_redirects_to_preferred_language(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/id/"


def test_home_lists_topics_tasks_and_latest_updates(client, home, topic):
    content = client.get("/en/").content.decode()
    assert "Find a guide" in content
    with translation.override("en"):
        assert topic.title in content
    assert "Latest updates" in content


def test_topic_lists_its_guides(client, topic, guide):
    response = client.get(f"/en/{topic.slug}/")
    content = response.content.decode()
    with translation.override("en"):
        assert guide.title in content
        assert guide.summary in content


def test_guide_page_renders_blocks_and_change_notes(client, guide):
    response = client.get(url_in(guide, "en"))
    assert response.status_code == 200
    content = response.content.decode()
    with translation.override("en"):
        assert f"<h1>{guide.title}</h1>" in content
        for note in guide.change_notes.all():
            assert note.note in content
    assert "Last updated" in content
    assert 'id="changes"' in content
    block_types = {block.block_type for block in guide.body}
    if "steps" in block_types:
        assert '<ol class="steps">' in content
    if "fees" in block_types:
        assert "<caption>" in content and 'scope="col"' in content
    assert 'aria-current="page"' in content  # breadcrumb


def test_breadcrumbs_lead_from_home_to_page(client, guide, topic):
    content = client.get(url_in(guide, "en")).content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', content, re.S).group(0)
    assert ">Home<" in crumbs
    assert f'href="/en/{topic.slug}/"' in crumbs


def test_language_switcher_points_to_same_page(client, guide):
    path = url_in(guide, "id")
    content = client.get(path.replace("/id/", "/en/")).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    for language in LANGUAGES:
        assert f'href="{path.replace("/id/", f"/{language}/")}"' in switcher
    assert 'aria-current="true"' in switcher


def test_hreflang_alternates_only_for_existing_translations(client, guide, english_only_guide):
    content = client.get(url_in(guide, "id")).content.decode()
    for language in LANGUAGES:
        assert f'hreflang="{language}" href="http://testserver/{language}/' in content
    assert 'hreflang="x-default"' in content
    content = client.get(url_in(english_only_guide, "id")).content.decode()
    assert 'rel="alternate" hreflang="en"' in content
    assert 'rel="alternate" hreflang="ar"' not in content


def test_untranslated_page_falls_back_to_indonesian_with_notice(client, english_only_guide):
    path = url_in(english_only_guide, "ar")
    response = client.get(path)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'dir="rtl"' in html_tag(content)
    with translation.override("id"):
        assert english_only_guide.title in content
        assert english_only_guide.summary in content
    assert "Bahasa Indonesia" in content
    assert 'lang="id" dir="ltr"' in content  # the Indonesian text is marked as such
    # The notice is in the reader's language (Arabic), not in English.
    assert "This page is not yet available" not in content


def test_untranslated_notice_in_english(client, english_only_guide):
    english_only_guide.title_en = ""
    english_only_guide.save()
    content = client.get(url_in(english_only_guide, "en")).content.decode()
    assert "This page is not yet available in your language. It is shown in Bahasa Indonesia." in content


def test_outdated_translation_tells_reader_when_indonesian_changed(client, guide):
    guide.summary_ind = guide.summary_ind + " Diperbarui."
    guide.save_revision().publish()
    content = client.get(url_in(guide, "en")).content.decode()
    assert "The Indonesian version of this page was updated on" in content
    assert f'href="{url_in(guide, "id")}"' in content
    indonesian = client.get(url_in(guide, "id")).content.decode()
    assert "notice--warning" not in indonesian


def test_unknown_page_is_404_in_readers_language(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content
    assert 'lang="en"' in html_tag(content)
    arabic = client.get("/ar/no-such-page/")
    assert arabic.status_code == 404
    assert 'dir="rtl"' in html_tag(arabic.content.decode())


def test_unknown_language_prefix_is_a_proper_404(client, home):
    response = client.get("/fr/visa/", follow=True)
    assert response.status_code == 404
    assert "Traceback" not in response.content.decode()


def test_malformed_query_string_does_not_break_a_page(client, guide):
    response = client.get(url_in(guide, "id") + "?%zz=%%&page=abc&q[]=<script>")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</head>")[1]


def test_server_error_page_in_readers_language(client, rf, settings):
    from core.views import server_error

    request = rf.get("/en/")
    with translation.override("en"):
        response = server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_sample_content_notice(client, home):
    assert "sample content" in client.get("/en/").content.decode()


def test_meta_description_and_open_graph(client, guide):
    content = client.get(url_in(guide, "id")).content.decode()
    assert '<meta name="description" content="' in content
    assert 'property="og:title"' in content
    assert 'property="og:type" content="article"' in content


def test_footer_links_standard_pages(client, home):
    content = client.get("/en/").content.decode()
    footer = re.search(r"<footer.*?</footer>", content, re.S).group(0)
    assert "Accessibility statement" in footer
    assert "Privacy notice" in footer


def test_standard_page_renders(client, home):
    response = client.get("/zh-hans/aksesibilitas/")
    assert response.status_code == 200
    assert "无障碍声明" in response.content.decode()


def test_unpublished_guide_is_not_served(client, guide):
    url = url_in(guide, "id")
    guide.unpublish()
    assert client.get(url).status_code == 404
