"""The SQLite test database as a template: migrations, demo site and search index built
once, then copied into each run (and each pytest-xdist worker) in under a second.

Building it takes ~25 s (243 migrations, ~15 s, then ``load_demo`` and the index), most of
the fast loop's fixed cost. Two templates are kept: the migrated, empty database ("schema",
which only a change of migrations, translated fields, settings or libraries makes again) and
the built one ("demo"), so that after a change of code the migrations are not run again. The copy is kept in ``var/test-templates/`` under a fingerprint of
everything that can change what gets built: the project's code, templates, catalogues,
demo data and migrations, the installed libraries, Python, and the environment variables
settings read. Any change there builds a new template, so a stale one is never used;
``make clean`` (or deleting the folder) forces a rebuild.

The demo's documents are files in ``MEDIA_ROOT``; they are kept beside the template and
put back when missing, so that the copied rows never point at absent files.

PostgreSQL builds its database each run (``make test`` runs that half in the background).
"""

import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

ROOT = Path(__file__).resolve().parents[1]
# What the build reads: code, templates, catalogues, demo data, migrations.
SOURCES = (
    "config",
    "core",
    "cms",
    "search",
    "agenda",
    "forums",
    "complaints",
    "evaluation",
    "site",
    "locale",
)
ENVIRONMENT_PREFIXES = ("SINERGI_", "SEARCH_", "DATABASE_", "TEST_DATABASE", "SITE_", "CACHE_", "MEDIA_")
KEEP = 3  # templates kept, so that switching branches back and forth stays fast


def fingerprint(root=ROOT, sources=SOURCES):
    """A digest of every input of the build; equal digests build equal databases."""
    files = [
        path
        for name in sources
        for path in (root / name).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".mo")
    ]
    return _digest(root, files)


def schema_fingerprint(root=ROOT, sources=SOURCES):
    """A digest of what the migrated, still empty database is built from: the migrations, the
    translated fields (modeltranslation adds their columns) and the settings, with the
    libraries (their own migrations). A change of code elsewhere keeps it."""
    files = [
        path
        for name in sources
        for path in (root / name).rglob("*.py")
        if "migrations" in path.parts or path.name in ("translation.py", "settings.py")
    ]
    return _digest(root, files)


def _digest(root, files):
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    libraries = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    digest.update("\n".join(libraries).encode())
    digest.update(sys.version.encode())
    environment = sorted((k, v) for k, v in os.environ.items() if k.startswith(ENVIRONMENT_PREFIXES))
    digest.update(repr(environment).encode())
    return digest.hexdigest()[:16]


class Template:
    """One fingerprinted copy of the built test database and the media files it refers to.
    Its key starts with its kind ("schema-…", "demo-…"); old ones are pruned per kind."""

    def __init__(self, key, folder=None):
        self.folder = Path(folder or settings.VAR_DIR / "test-templates") / key
        self.database = self.folder / "database.sqlite3"
        self.media = self.folder / "media"

    def exists(self):
        return self.database.is_file()

    def restore(self, connection):
        """Copy the template over the (freshly created) test database and put back any
        media file it names that is missing. Content types were cached when the bare tables
        were made, with other ids than the template's: the cache is emptied."""
        connection.ensure_connection()
        with sqlite3.connect(self.database) as source:
            source.backup(connection.connection)
        ContentType.objects.clear_cache()
        shutil.copytree(self.media, settings.MEDIA_ROOT, dirs_exist_ok=True)

    def save(self, connection, media_files):
        """Write the template under a temporary name, then rename it into place: a run
        interrupted half-way, or another worker saving the same template, leaves either
        nothing or a whole one."""
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=".building-", dir=self.folder.parent))
        try:
            with sqlite3.connect(building / "database.sqlite3") as target:
                connection.connection.backup(target)
            for name in media_files:
                copy = building / "media" / name
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(Path(settings.MEDIA_ROOT) / name, copy)
            (building / "media").mkdir(exist_ok=True)
            os.replace(building, self.folder)
        except OSError:
            # Another worker renamed its copy into place first; theirs is as good.
            shutil.rmtree(building, ignore_errors=True)
        self._prune()

    def _prune(self):
        others = sorted(
            (
                p
                for p in self.folder.parent.iterdir()
                if p.is_dir()
                and p != self.folder
                and not p.name.startswith(".")
                and p.name.split("-", 1)[0] == self.folder.name.split("-", 1)[0]
            ),
            key=lambda p: p.stat().st_mtime,
        )
        for old in others[: max(0, len(others) - (KEEP - 1))]:
            shutil.rmtree(old, ignore_errors=True)
