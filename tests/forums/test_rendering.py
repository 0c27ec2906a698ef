"""Posts are Markdown rendered through a sanitiser: every XSS payload comes out inert."""

from html.parser import HTMLParser

import pytest

from forums.rendering import TAGS, link_count, plain_text, render

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<svg onload="alert(1)"><circle/></svg>',
    "<iframe src=https://evil.example></iframe>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '[x](https://ok.example "title" onmouseover=alert(1))',
    "**unclosed _emphasis [link](",
    "<<script>script>alert(1)<</script>/script>",
    "```\n<script>alert(1)</script>\n```",
]


class ElementCollector(HTMLParser):
    """Every real element and attribute in rendered HTML (escaped text is not an element)."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html):
    collector = ElementCollector()
    collector.feed(str(html))
    return collector.elements


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_render_inert(payload):
    for tag, attrs in elements(render(payload)):
        assert tag in TAGS
        assert set(attrs) <= {"href", "rel"}
        if "href" in attrs:
            assert attrs["href"].split(":")[0].lower() in ("http", "https", "mailto")


def test_the_allowed_subset_is_kept():
    html = str(
        render("**bold** _italic_\n\n- one\n- two\n\n> quote\n\n`code` [site](https://imigrasi.go.id)")
    )
    for tag in (
        "<strong>bold</strong>",
        "<em>italic</em>",
        "<li>one</li>",
        "<blockquote>",
        "<code>code</code>",
    ):
        assert tag in html
    assert 'href="https://imigrasi.go.id"' in html
    assert 'rel="nofollow ugc noopener noreferrer"' in html


def test_raw_html_is_shown_as_text_not_markup():
    assert "&lt;b&gt;hello&lt;/b&gt;" in str(render("<b>hello</b>"))


def test_headings_and_images_are_not_in_the_subset():
    html = str(render("# Big\n\n![pic](https://x.example/a.png)"))
    assert "<h1" not in html and "<img" not in html


def test_plain_text_and_link_count():
    assert plain_text("**a** <b>b</b> & c") == "a <b>b</b> & c"
    assert link_count("see https://a.example and www.b.example and http://c.example") == 3
