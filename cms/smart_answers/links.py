"""An outcome's text with its links to pages that are no longer public taken out.

An editor links an outcome to a guide; if the guide is later unpublished (or made private),
the link would lead the reader to "page not found". Wagtail's rich text keeps such links
(a draft page still has an address), so before rendering, a link to a page that is not
live and public becomes its plain text.
"""

import re

from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

PAGE_LINK = re.compile(r"<a\b(?=[^>]*\blinktype=\"page\")[^>]*\bid=\"(\d+)\"[^>]*>(.*?)</a>", re.S)


def public_links_only(source):
    """The stored rich text (Wagtail's database format) rendered as HTML, without dead links."""
    keys = {int(key) for key, _text in PAGE_LINK.findall(source)}
    public = (
        set(Page.objects.live().public().filter(pk__in=keys).values_list("pk", flat=True)) if keys else set()
    )
    kept = PAGE_LINK.sub(
        lambda link: link.group(0) if int(link.group(1)) in public else link.group(2), source
    )
    return mark_safe(expand_db_html(kept))  # noqa: S308 - editors' rich text, as Wagtail renders it
