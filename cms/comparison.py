"""A readable comparison of two versions of a text, paragraph by paragraph.

Paragraphs are matched first; inside a changed paragraph the words are compared,
so a reader sees exactly which words were added or removed. The result is a list
of plain values; the template marks added text with <ins> and removed text with
<del> and also says "added"/"removed" in words, so the difference does not rely
on colour (WCAG 1.4.1).
"""

import difflib
import re
from dataclasses import dataclass

TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    kind: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # "same", "added", "removed" or "changed"
    segments: tuple


def _words(text):
    return TOKEN.findall(text)


def compare_words(old, new):
    old_words, new_words = _words(old), _words(new)
    segments = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            segments.append(Segment("same", "".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            segments.append(Segment("removed", "".join(old_words[a1:a2])))
        if b2 > b1:
            segments.append(Segment("added", "".join(new_words[b1:b2])))
    return tuple(segments)


SIMILAR = 0.5  # below this, a paragraph reads better as removed and re-added than word by word


def _similarity(before, after):
    return difflib.SequenceMatcher(a=_words(before), b=_words(after), autojunk=False).ratio()


def _replaced(old, new):
    """Pair the paragraphs of a replaced block in order when they are similar enough."""
    changes, j = [], 0
    for before in old:
        match = next((k for k in range(j, len(new)) if _similarity(before, new[k]) >= SIMILAR), None)
        if match is None:
            changes.append(ParagraphChange("removed", (Segment("removed", before),)))
            continue
        changes += [ParagraphChange("added", (Segment("added", text),)) for text in new[j:match]]
        changes.append(ParagraphChange("changed", compare_words(before, new[match])))
        j = match + 1
    changes += [ParagraphChange("added", (Segment("added", text),)) for text in new[j:]]
    return changes


def compare_paragraphs(old, new):
    """Compare two lists of paragraphs; returns a list of ParagraphChange."""
    changes = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            changes += [ParagraphChange("same", (Segment("same", text),)) for text in old[a1:a2]]
        else:
            changes += _replaced(old[a1:a2], new[b1:b2])
    return changes


def has_differences(changes):
    return any(change.kind != "same" for change in changes)
