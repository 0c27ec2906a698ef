"""The check that every piece of text on a page is marked with the language it is in
(WCAG 3.1.2, issue 19 items 4 and 8), shared by the tests of each app's pages.

A page's body is parsed; each text node is compared with the ``lang`` of its
nearest marked ancestor (the page's own language when none is):

- text in Arabic script must sit inside an Arabic-script language, Chinese characters
  inside Chinese;
- on an Arabic or Chinese page, text written only in Latin letters must sit inside a
  Latin-script language (``id``, ``en``, a language's own name such as "Soomaali"): an
  Indonesian title or partner name in a Chinese list, an English forum post. Text that is the same in every language is
  left alone: codes and abbreviations (KITAS, M-Paspor, PDF), numbers, addresses
  (URLs, email), the currency (Rp) and the brand name. A text node that mixes the reader's script with
  such Latin words (a Chinese sentence naming "Kantor Imigrasi") is the reader's text;
- a person's name is in no language anyone knows: ``lang=""`` says so (HTML's "unknown");
- an element that changes the language isolates its text too (``dir`` on it, or a
  ``<bdi>``), so an Indonesian title keeps its punctuation in an Arabic line;
- Arabic text never separates items (or a date from its time) with a Latin comma: the
  reader's comma comes from the locale (core/lists.py, core/dates.py).

Indonesian and English share the Latin script: on their pages, a text node with two of the
other language's commonest little words ("dan", "untuk"; "the", "you") and none of its own
must be marked with it. Short texts escape this (a two-word title); tests that know the
text's language (a forum thread's stored language) check those marks directly.
"""

import re
from html.parser import HTMLParser

from django.utils import translation

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

ARABIC_SCRIPT = {"ar", "fa", "ps", "ur"}
CHINESE = {"zh", "zh-hans"}
# Languages of the partners' and events' language lists not written in Latin letters.
NON_LATIN = ARABIC_SCRIPT | CHINESE | {"my", "ru", "ja", "ko", "hi", "th"}
SCRIPTS = [
    (re.compile(r"[\u0600-\u06FF]"), ARABIC_SCRIPT),
    (re.compile(r"[\u4e00-\u9fff]"), CHINESE),
]
# What is written the same in every language: addresses, then words with a capital after
# their first letter or a digit in them (KITAS, M-Paspor, eVisa, B211A), the currency,
# then the brand.
NEUTRAL = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|[\w.-]+\.(?:go\.id|id|org|com)\b\S*"
    r"|\b\w*[A-Z0-9]\w*[A-Z0-9][\w-]*|\b[A-Z]-\w+|\bRp\b|\bSinergi\b"
)
# Indonesian and English share the Latin script; their commonest little words tell them apart
# (two different ones in a text node: "visa dan izin tinggal di Makassar", "the guide for you").
FUNCTION_WORDS = {
    "id": {
        "yang",
        "dan",
        "untuk",
        "di",
        "dengan",
        "ini",
        "itu",
        "tidak",
        "atau",
        "dari",
        "ke",
        "anda",
        "saya",
    }
    | {"apakah", "bisa", "bagi", "pada", "akan", "sudah", "juga", "oleh", "dalam", "kami", "harus", "adalah"},
    "en": {"the", "and", "for", "with", "this", "that", "not", "from", "to", "you", "your", "is", "are", "of"}
    | {"a", "an", "on", "in", "can", "how", "does", "do", "be", "what", "when", "my", "it", "will", "have"},
}
# A search result's highlight, which may cut a code in two ("e<mark>visa</mark>.imigrasi.go.id").
HIGHLIGHT = re.compile(r"</?mark>")
# A Latin comma, except inside a number (2,000).
LATIN_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]{2,}")


class LanguageOfText(HTMLParser):
    """Each text node of a page's main content (or of the element ``region``: "body" for the
    header, menus and footer too) with the ``lang`` of its nearest marked ancestor, and
    whether that ancestor isolates it (``dir`` or ``<bdi>``)."""

    def __init__(self, region="main"):
        super().__init__()
        self.region = region
        self.stack, self.texts, self.isolated = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        inherited = self.stack[-1] if self.stack else (None, None, None)
        if "lang" in attrs:
            marked = (attrs["lang"], tag == "bdi" or "dir" in attrs)
        else:
            marked = inherited[1:]
            if tag == "bdi" or "dir" in attrs:
                marked = (marked[0], True) if marked[0] else marked
        self.stack.append((tag, *marked))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        inside = any(entry[0] == self.region for entry in self.stack)
        if data.strip() and inside and self.stack[-1][0] not in ("script", "style"):
            self.texts.append((data.strip(), self.stack[-1][1]))
            self.isolated.append(self.stack[-1][2])

    def language_of(self, text):
        return next(language for found, language in self.texts if text in found)


def latin_words(text):
    """The words of ``text`` that belong to a language (codes, addresses and the brand taken out)."""
    return LATIN_WORD.findall(NEUTRAL.sub(" ", text))


def written_in(text):
    """``id`` or ``en`` when two of that language's little words (and none of the other's) are in ``text``."""
    found = {word.lower() for word in re.findall(r"[A-Za-z]+", text)}
    counts = {language: len(found & words) for language, words in FUNCTION_WORDS.items()}
    candidates = [language for language, count in counts.items() if count >= 2]
    return candidates[0] if len(candidates) == 1 and min(counts.values()) == 0 else None


def problems(html, language):
    """``[(problem, lang it is marked with, text)]`` for the whole body of a page read in
    ``language`` (its header, menus, language switcher and footer too)."""
    parser = LanguageOfText(region="body")
    parser.feed(HIGHLIGHT.sub("", html))
    found = []
    for (text, marked), isolated in zip(parser.texts, parser.isolated, strict=True):
        if marked == "":  # lang="": a language nobody knows (a person's name), isolated
            if not isolated:
                found.append(("another language not isolated", marked, text[:60]))
            continue
        shown_as = marked or language
        in_scripts = [languages for script, languages in SCRIPTS if script.search(text)]
        if any(shown_as not in languages for languages in in_scripts):
            found.append(("not marked with its language", marked, text[:60]))
        elif not in_scripts and shown_as in NON_LATIN and latin_words(text):
            found.append(("Latin text not marked with a Latin-script language", marked, text[:60]))
        elif shown_as in FUNCTION_WORDS and written_in(text) not in (None, shown_as):
            found.append(("another Latin-script language not marked", marked, text[:60]))
        if marked and marked != language and not isolated:
            found.append(("another language not isolated", marked, text[:60]))
        if shown_as in ARABIC_SCRIPT and LATIN_COMMA.search(text):
            found.append(("Latin comma in Arabic", marked, text[:60]))
    return found


def read_problems(client, url, language):
    """The problems of the page at ``url`` read in ``language``, which must answer 200."""
    response = client.get(url)
    assert response.status_code == 200, url
    with translation.override(language):
        return problems(response.content.decode(), language)
