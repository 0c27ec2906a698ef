"""Every public page at phone widths, in four languages: nothing scrolls sideways at 320 px
(WCAG 1.4.10 reflow), and amounts, codes, phone numbers and dates never break across lines
at 320, 375 or 1280 px (a fee split as "Rp / 1.50 / 0.00" can be misread).

The pages are the demo site's sitemap (every page type the editors make) plus the pages
the apps serve outside the page tree, with the event filters open."""

import re
from urllib.parse import urlparse
from urllib.request import urlopen
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LANGUAGES = ["id", "en", "ar", "zh-hans"]
APP_PAGES = [
    "/events/",
    "/events/?audience=students",
    "/forums/",
    "/complaints/",
    "/complaints/track/",
    "/transparency/",
    "/search/?q=visa",
    "/follow/",
]
# A number as people write them: "Rp 1.500.000", "+62 21 1500 099", "2025-08-17", "C1", codes.
NUMBER = r"(?:Rp\.?\s?)?\+?\d[\d.,:/\- ]*\d|\d"
FIND_BROKEN_NUMBERS = """(pattern) => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
  const expression = new RegExp(pattern, 'g');
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest('td, th, dd, .fee, .amount, time, .complaint-code, [data-number]')) continue;
    for (const match of node.textContent.matchAll(expression)) {
      if (match[0].replace(/\\D/g, '').length < 3) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


def sitemap_paths(site_url):
    with urlopen(f"{site_url}/sitemap.xml") as response:  # noqa: S310 - the loopback test server
        tree = ElementTree.parse(response)
    paths = set()
    for location in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        path = urlparse(location.text).path
        language, _, rest = path.lstrip("/").partition("/")
        if language in LANGUAGES:
            paths.add("/" + rest)
    return sorted(paths)


@pytest.fixture(scope="module")
def paths(site_url):
    found = sitemap_paths(site_url)
    assert len(found) > 20, found  # the demo site's pages, not an empty sitemap
    return found + APP_PAGES


@pytest.fixture(scope="module")
def paths_with_tables(site_url, paths):
    """The pages whose numbers sit in tables, in any language (fees, schedules, figures)."""
    with_tables = []
    for path in paths:
        with urlopen(f"{site_url}/en{path}") as response:  # noqa: S310 - the loopback test server
            if b"<table" in response.read():
                with_tables.append(path)
    assert with_tables, "no page with a table: the number check would prove nothing"
    return with_tables


def crawl(page, site_url, paths, language, width, check):
    page.set_viewport_size({"width": width, "height": 740})
    failures = {}
    for path in paths:
        response = page.goto(f"{site_url}/{language}{path}")
        if response.status != 200:
            failures[path] = f"status {response.status}"
            continue
        for details in page.locator("main details").all():  # filters open, as a reader opens them
            details.evaluate("element => element.open = true")
        problem = check(page)
        if problem:
            failures[path] = problem
    return failures


def sideways(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return f"scrolls {overflow} px sideways" if overflow > 0 else None


def broken_numbers(page):
    broken = page.evaluate(FIND_BROKEN_NUMBERS, NUMBER)
    return f"numbers split across lines: {broken[:5]}" if broken else None


def sideways_or_broken_numbers(page):
    return sideways(page) or broken_numbers(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_or_splits_a_number_at_320_px(site_url, page, paths, language):
    assert crawl(page, site_url, paths, language, 320, sideways_or_broken_numbers) == {}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_in_tables_never_break(site_url, page, paths_with_tables, language, width):
    assert crawl(page, site_url, paths_with_tables, language, width, broken_numbers) == {}


def test_the_number_check_sees_a_split_fee(site_url, page):
    """The check itself: a fee squeezed into a narrow cell that may break anywhere is caught."""
    page.set_viewport_size({"width": 320, "height": 740})
    page.goto(f"{site_url}/en/")
    page.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML('afterbegin',
        '<table style="width:4ch"><tr><td style="overflow-wrap:anywhere">Rp 1.500.000</td></tr></table>')"""
    )
    assert re.search("Rp", broken_numbers(page) or "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_heading_is_on_the_first_screen_of_a_phone(site_url, page, paths, language):
    """The header filled the first screen on a 375 x 740 phone (the heading started at
    y = 550, at 200% zoom below the fold)."""
    page.set_viewport_size({"width": 375, "height": 740})
    below = {}
    for path in ["/", "/visa/visa-kunjungan/", "/complaints/", "/forums/", "/events/"]:
        page.goto(f"{site_url}/{language}{path}")
        top = page.locator("main h1").first.bounding_box()["y"]
        if top > 740 - 60:
            below[path] = round(top)
    assert below == {}


def test_primary_buttons_do_not_look_focused(site_url, page):
    """Yellow is the focus colour; a primary button in yellow looked focused all the time."""
    page.goto(f"{site_url}/en/complaints/track/")
    button = page.locator("form.stacked-form button[type=submit]").first
    resting = button.evaluate("element => getComputedStyle(element).backgroundColor")
    button.focus()
    focused = button.evaluate("element => getComputedStyle(element).backgroundColor")
    assert resting != focused
    assert focused == "rgb(255, 191, 71)"  # --colour-focus


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_come_before_the_filters_on_a_phone(site_url, page, language):
    """The filters came first: on a 375 px phone the first result was at y = 1600. Results now
    precede the filters, which a link beside the count still reaches; on a wide screen the filters
    stand beside the results."""
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{site_url}/{language}/search/?q=visa")
    first = page.locator(".result-list li").first.bounding_box()
    assert first["y"] < 740
    assert first["y"] < page.locator(".facets").bounding_box()["y"]
    page.locator(".search-summary__to-filters").click()
    expect(page.locator("#facets-heading")).to_be_in_viewport()

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.locator(".search-summary__to-filters")).to_be_hidden()
    beside = page.locator(".facets").bounding_box()
    assert abs(beside["y"] - page.locator(".search-results").bounding_box()["y"]) < 5
