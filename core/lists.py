"""Lists written the reader's way: items separated by the language's own comma ("Denpasar,
Bali"; "دنباسار، بالي"; "登巴萨，巴厘"), never always ", " (an Arabic list with a Latin comma)."""

from django.utils import translation

COMMAS = {"ar": "، ", "zh-hans": "，"}


def comma():
    """The reader's comma, with its space where the language puts one."""
    return COMMAS.get(translation.get_language(), ", ")


def joined(items):
    """Items separated by the reader's language's comma."""
    return comma().join(str(item) for item in items)
