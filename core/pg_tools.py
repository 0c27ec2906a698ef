"""Finding PostgreSQL's command-line tools (pg_dump, initdb, ...), on PATH or where
Debian installs them (/usr/lib/postgresql/<version>/bin). No Django needed, so the
test harness can use it before settings load."""

import shutil
from pathlib import Path


def find_binary(name):
    """The path of a PostgreSQL tool, newest version first, or None."""
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    return None
