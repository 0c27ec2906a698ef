"""Small helpers shared by tests."""

from django.utils import translation


def url_in(page, language):
    """The page's path in one language (the test client leaves the last language active)."""
    with translation.override(language):
        return page.get_url()
