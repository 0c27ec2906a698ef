"""Backups of the database and media, and a restore that proves itself.

``backup(folder)`` writes one self-contained folder: the database (PostgreSQL's
custom-format dump from pg_dump; the embedded SQLite set-up is backed up by
copying its file while the site is stopped), the
media and the private files (complaint attachments) as one tar archive, and a
manifest with the row count of every table. ``restore(folder, database_url)``
loads it into an empty database and compares the row counts with the manifest,
so a restore that lost anything says so. The search index is not backed up: after
a restore, ``manage.py search_index rebuild`` builds it from the database.
"""

import json
import os
import subprocess
import tarfile
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.db import connection
from django.utils import timezone

from core.pg_tools import find_binary


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


def table_counts(cursor, tables):
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from introspection
        counts[table] = cursor.fetchone()[0]
    return counts


def media_folders():
    return [path for path in (Path(settings.MEDIA_ROOT), Path(settings.VAR_DIR) / "private") if path.exists()]


def backup(folder, progress=print):
    if connection.vendor != "postgresql":
        raise BackupError(
            "backups are for PostgreSQL (production); with SQLite, stop the site and copy var/sinergi.sqlite3"
        )
    target = Path(folder) / f"sinergi-{timezone.now():%Y%m%d-%H%M%S}"
    target.mkdir(parents=True)
    progress("database: pg_dump")
    arguments, environment = _pg_arguments(connection.settings_dict)
    dump = [find_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target / "database.dump")]
    subprocess.run([*dump, *arguments], check=True, env=environment)  # noqa: S603 - a fixed tool, no shell
    progress("media and private files")
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        for path in media_folders():
            archive.add(path, arcname=path.name)
    with connection.cursor() as cursor:
        counts = table_counts(cursor, connection.introspection.table_names(cursor))
    manifest = {"created": timezone.now().isoformat(), "tables": counts}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
    progress(f"written to {target} ({len(counts)} tables)")
    return target


def restore(folder, database_url, media_root=None, progress=print):
    """Load a backup into an empty database; returns {table: (expected, found)} of differences."""
    import psycopg

    source = Path(folder)
    manifest = json.loads((source / "manifest.json").read_text())
    database = dj_database_url.parse(database_url)
    progress("database: pg_restore")
    arguments, environment = _pg_arguments(database)
    load = [
        find_tool("pg_restore"),
        "--no-owner",
        "--exit-on-error",
        *arguments,
        str(source / "database.dump"),
    ]
    subprocess.run(load, check=True, env=environment)  # noqa: S603 - a fixed tool, no shell
    params = {
        "dbname": database["NAME"],
        "host": host_of(database),
        "port": database.get("PORT"),
        "user": database.get("USER"),
        "password": database.get("PASSWORD"),
    }
    with psycopg.connect(**{key: value for key, value in params.items() if value}) as restored:
        found = table_counts(restored.cursor(), manifest["tables"])
    if media_root:
        progress("media and private files")
        with tarfile.open(source / "media.tar.gz") as archive:
            archive.extractall(media_root, filter="data")
    return {
        table: (expected, found.get(table))
        for table, expected in manifest["tables"].items()
        if found.get(table) != expected
    }
