"""Backups of the database and media, and a restore that proves itself.

``backup(folder)`` writes one self-contained folder: the database (PostgreSQL's
custom-format dump from pg_dump; the embedded SQLite set-up is backed up by
copying its file while the site is stopped), the media and the private files
(complaint attachments, ``PRIVATE_MEDIA_ROOT``) as one tar archive, and a manifest
with the row count of every table. ``restore(folder, database_url)`` loads it into an
empty database and compares the row counts with the manifest, so a restore that
lost anything says so. The search index is not backed up: after a restore,
``manage.py search_index rebuild`` builds it from the database.

Why it can be trusted on a live site:

- the row counts and the dump come from one snapshot: a REPEATABLE READ transaction
  exports its snapshot and pg_dump reads that same snapshot (``--snapshot``), so rows
  written meanwhile are in neither (counting after the dump, in another transaction,
  made a live site's backup fail its own restore check);
- the backup is written under a temporary name and renamed when complete, so a
  folder with the final name is always whole, and a failure leaves nothing behind;
- it holds complaints and their attachments: folders are 0700 and files 0600.
"""

import json
import os
import shutil
import subprocess
import tarfile
from contextlib import contextmanager
from pathlib import Path

import dj_database_url
import psycopg
from django.conf import settings
from django.db import connection
from django.utils import timezone

from core.pg_tools import find_binary

PRIVATE_UMASK = 0o077


class BackupError(Exception):
    pass


def find_tool(name):
    found = find_binary(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def host_of(database):
    """The server's host or socket folder (a URL's ``?host=`` lands in OPTIONS)."""
    return database.get("HOST") or database.get("OPTIONS", {}).get("host", "")


def _pg_arguments(database):
    """libpq options and environment for one Django database settings dict."""
    arguments = ["--dbname", database["NAME"]]
    for option, value in (
        ("--host", host_of(database)),
        ("--port", database.get("PORT")),
        ("--username", database.get("USER")),
    ):
        if value:
            arguments += [option, str(value)]
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return arguments, environment


def _connect(database, **options):
    """A psycopg connection of its own (not Django's, which may be inside a transaction)."""
    params = {
        "dbname": database["NAME"],
        "host": host_of(database),
        "port": database.get("PORT"),
        "user": database.get("USER"),
        "password": database.get("PASSWORD"),
        "connect_timeout": 10,
    }
    try:
        return psycopg.connect(**{key: value for key, value in params.items() if value}, **options)
    except psycopg.OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise BackupError(f"the database {database['NAME']!r} cannot be reached: {first_line}") from error


def table_counts(cursor, tables):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from introspection
        counts[table] = cursor.fetchone()[0]
    return counts


def user_tables(cursor):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return [row[0] for row in cursor.fetchall()]


def media_folders():
    return [path for path in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)) if path.exists()]


@contextmanager
def _private_files():
    """Everything created inside is readable by the owner only."""
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def _run(command, environment):
    result = subprocess.run(command, env=environment, capture_output=True, text=True)  # noqa: S603 - fixed tools
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit status {result.returncode}"]
        raise BackupError(f"{Path(command[0]).name} failed: {lines[-1]}")


def backup(folder, progress=print, database=None):
    """Write a backup of ``database`` (Django settings dict; the default database when None)."""
    if connection.vendor != "postgresql":
        raise BackupError(
            "backups are for PostgreSQL (production); with SQLite, stop the site and copy var/sinergi.sqlite3"
        )
    pg_dump = find_tool("pg_dump")
    database = database or connection.settings_dict
    parent = Path(folder)
    name = f"sinergi-{timezone.now():%Y%m%d-%H%M%S}"
    target = parent / name
    if target.exists():
        raise BackupError(f"{target} already exists")
    with _private_files():
        parent.mkdir(parents=True, exist_ok=True)
        partial = parent / f".{name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        try:
            counts = _dump_database(database, pg_dump, partial / "database.dump", progress)
            progress("media and private files")
            with tarfile.open(partial / "media.tar.gz", "w:gz") as archive:
                for path in media_folders():
                    archive.add(path, arcname=path.name)
            manifest = {"created": timezone.now().isoformat(), "tables": counts}
            (partial / "manifest.json").write_text(json.dumps(manifest, indent=1))
            partial.rename(target)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
    progress(f"written to {target} ({len(counts)} tables)")
    return target


def _dump_database(database, pg_dump, path, progress):
    """Count the rows and dump the database from one snapshot; returns the counts."""
    with _connect(database) as snapshot_holder:
        snapshot_holder.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        snapshot_holder.read_only = True
        with snapshot_holder.transaction(), snapshot_holder.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts(cursor, user_tables(cursor))
            progress("database: pg_dump")
            arguments, environment = _pg_arguments(database)
            dump = [pg_dump, "--format=custom", "--no-owner", f"--snapshot={snapshot}", "--file", str(path)]
            _run([*dump, *arguments], environment)
    return counts


def restore(folder, database_url, media_root=None, force=False, progress=print):
    """Load a backup into an empty database; returns {table: (expected, found)} of differences.

    A database that already has tables is refused unless ``force``: then what the backup
    holds replaces it (pg_restore --clean)."""
    source = Path(folder)
    manifest_path = source / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(f"{source} is not a backup (no manifest.json)")
    manifest = json.loads(manifest_path.read_text())
    database = dj_database_url.parse(database_url)
    with _connect(database) as target, target.cursor() as cursor:
        existing = user_tables(cursor)
    if existing and not force:
        raise BackupError(
            f"the database {database['NAME']!r} is not empty ({len(existing)} tables); "
            "restore into a new empty database, or add --force to replace its contents"
        )
    progress("database: pg_restore")
    arguments, environment = _pg_arguments(database)
    clean = ["--clean", "--if-exists"] if existing else []
    load = [find_tool("pg_restore"), "--no-owner", "--exit-on-error", *clean, *arguments]
    _run([*load, str(source / "database.dump")], environment)
    with _connect(database) as restored, restored.cursor() as cursor:
        found = table_counts(cursor, manifest["tables"])
    if media_root:
        progress("media and private files")
        with tarfile.open(source / "media.tar.gz") as archive:
            archive.extractall(media_root, filter="data")
    return {
        table: (expected, found.get(table))
        for table, expected in manifest["tables"].items()
        if found.get(table) != expected
    }
