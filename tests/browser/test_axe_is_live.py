"""The accessibility checker itself works: a planted violation is reported."""

import pytest

pytestmark = pytest.mark.browser


def test_axe_finds_a_planted_violation(site_url, page, axe_violations):
    page.goto(f"{site_url}/en/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x.png>')")
    found = axe_violations(page)
    assert any(v["id"] == "image-alt" for v in found)
