"""Posts are written in a small Markdown subset and shown as sanitised HTML.

markdown-it-py renders CommonMark with raw HTML switched off (so ``<script>``
typed in a post becomes text), then nh3 keeps only the tags below, only ``href``
on links, only http(s) and mailto addresses, and marks every link as user content.
Both steps run: the second is the guarantee, whatever the first lets through.
"""

import re
from html import unescape

import nh3
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

TAGS = {"p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_PATTERN = re.compile(r"(https?://|www\.)", re.IGNORECASE)

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable(
    ["image", "heading", "lheading", "hr", "table"], ignoreInvalid=True
)


def render(text):
    """Safe HTML for a post's Markdown text."""
    html = _markdown.render(text or "")
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def plain_text(text):
    """The post's words without markup (search documents, feeds, emails)."""
    return " ".join(unescape(nh3.clean(_markdown.render(text or ""), tags=set())).split())


def link_count(text):
    return len(LINK_PATTERN.findall(text or ""))
