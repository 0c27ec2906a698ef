"""Small helpers shared by tests."""

from django.utils import translation
from django.utils.translation import gettext


def url_in(page, language):
    """The page's path in one language (the test client leaves the last language active)."""
    with translation.override(language):
        return page.get_url()


def assert_link_no_longer_works(response, language):
    """The one "This link no longer works" page (core/signed_links.py), status 400, in ``language``."""
    assert response.status_code == 400
    assert "core/link_error.html" in [template.name for template in response.templates]
    with translation.override(language):
        texts = [gettext("This link no longer works"), gettext("Nothing has been changed.")]
    if language != "en":
        assert texts != ["This link no longer works", "Nothing has been changed."]  # translated
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert all(text in html for text in texts)
