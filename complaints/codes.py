"""Tracking codes: 60 random bits, easy to read aloud, with a check character per group.

A code looks like ``7KQG-M9XZ-A4RT-0HW6``: four groups of four characters from
Crockford's base-32 alphabet (digits and capital letters without I, L, O and U, so
nothing is read as something else; when typed, O counts as 0 and I or L as 1, and
case, spaces and hyphens do not matter).

In each group the first three characters are random (``secrets``: 12 x 5 = 60 bits)
and the fourth is a check character computed with the Damm algorithm over the
field GF(32). Damm's check catches every single wrong character and every swap of
two neighbouring characters (proved in tests/complaints/test_codes.py), and because
each group checks itself, a failed check tells the reader *which group* to look at.
The check starts from the group's number, so two groups swapped are caught too.

Only a SHA-256 hash of the code is stored (``code_hash``): whoever reads the
database cannot use the codes, and with 2^60 possible codes the hash cannot be
reversed by trying them. A look-up hashes what was typed and compares.
"""

import hashlib
import secrets
from dataclasses import dataclass, field

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VALUES = {char: value for value, char in enumerate(ALPHABET)}
READ_AS = {"O": "0", "I": "1", "L": "1"}
GROUPS = 4
GROUP_SIZE = 4
LENGTH = GROUPS * GROUP_SIZE
RANDOM_BITS = GROUPS * (GROUP_SIZE - 1) * 5
# GF(32) = GF(2)[x] / (x^5 + x^2 + 1); MULTIPLIER is the element x (any element but 0 and 1 works).
POLYNOMIAL = 0b100101
MULTIPLIER = 2


def _multiply(a, b):
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= POLYNOMIAL
    return product


# Damm's quasigroup x*y = MULTIPLIER*x + y (addition in GF(2^5) is XOR). It is totally
# anti-symmetric because MULTIPLIER is neither 0 nor 1: (c*x)*y = (c*y)*x only when x = y.
TIMES_MULTIPLIER = [_multiply(MULTIPLIER, x) for x in range(32)]


def _damm(values, start):
    interim = start
    for value in values:
        interim = TIMES_MULTIPLIER[interim] ^ value
    return interim


def check_character(group_number, chars):
    """The character that makes ``chars`` + it add up to 0 for group ``group_number`` (0-based)."""
    interim = _damm((VALUES[char] for char in chars), group_number)
    return ALPHABET[TIMES_MULTIPLIER[interim]]  # interim * c = 0  <=>  c = MULTIPLIER * interim


def group_is_valid(group_number, chars):
    return _damm((VALUES[char] for char in chars), group_number) == 0


def generate():
    """A new code, formatted for reading: ``XXXX-XXXX-XXXX-XXXX``."""
    groups = []
    for number in range(GROUPS):
        chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUP_SIZE - 1))
        groups.append(chars + check_character(number, chars))
    return "-".join(groups)


def compact(text):
    """What was typed, upper case, without spaces or hyphens, with O read as 0 and I, L as 1."""
    kept = "".join(char for char in text.upper() if char not in " -\t\u00a0")
    return "".join(READ_AS.get(char, char) for char in kept)


def display(code):
    """A compact code grouped for reading."""
    return "-".join(code[i : i + GROUP_SIZE] for i in range(0, len(code), GROUP_SIZE))


def code_hash(code):
    """The stored form of a (compact or displayed) code."""
    return hashlib.sha256(compact(code).encode("ascii")).hexdigest()


@dataclass
class Diagnosis:
    """What is wrong with a typed code; ``ok`` when it passes every check."""

    code: str = ""  # compact form
    empty: bool = False
    bad_character: str = ""
    bad_position: int = 0  # 1-based, counting characters without hyphens
    length: int = 0
    wrong_groups: list = field(default_factory=list)  # 1-based group numbers

    @property
    def ok(self):
        return not (self.empty or self.bad_character or self.wrong_groups) and self.length == LENGTH


def diagnose(text):
    """Check a typed code and say where it looks wrong.

    A failed group check means a character in that group is wrong, or two
    neighbouring characters are swapped (if the swap crosses a hyphen, both groups
    fail). It cannot say which character inside the group: the message says so.
    """
    code = compact(text or "")
    if not code:
        return Diagnosis(empty=True)
    for position, char in enumerate(code, start=1):
        if char not in VALUES:
            return Diagnosis(code=code, bad_character=char, bad_position=position, length=len(code))
    if len(code) != LENGTH:
        return Diagnosis(code=code, length=len(code))
    wrong = [
        number + 1
        for number in range(GROUPS)
        if not group_is_valid(number, code[number * GROUP_SIZE : (number + 1) * GROUP_SIZE])
    ]
    return Diagnosis(code=code, length=LENGTH, wrong_groups=wrong)
