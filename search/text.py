"""How search cuts text into words: one definition for the database engine, the glossary,
the relevance floor and "did you mean", so a term matches the same way everywhere."""

import re

WORD = re.compile(r"\w+", re.UNICODE)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A word mixing scripts ("工作KITAS") is cut where the script changes: Chinese runs, other runs.
SCRIPT_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")


# Arabic spelling that varies in what people type: hamza on alif, taa marbuta written as haa,
# alif maqsura as yaa, and short-vowel marks (as the remote engines' arabic_normalization).
ARABIC = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", **dict.fromkeys(map(chr, range(0x064B, 0x0653)), None)}
)


def words(text):
    """Lower-cased words, Arabic normalised; Chinese, written without spaces, as overlapping
    character pairs."""
    found = []
    for token in WORD.findall((text or "").translate(ARABIC)):
        for word in SCRIPT_RUN.findall(token.lower()):
            if CJK.search(word) and len(word) > 2:
                found.extend(word[index : index + 2] for index in range(len(word) - 1))
            else:
                found.append(word)
    return found


def phrase(text):
    """A term as the words search compares: lower-cased, joined by single spaces."""
    return " ".join(words(text))
