"""Demo forum content (written below)."""


def load(progress=None):
    return 0
