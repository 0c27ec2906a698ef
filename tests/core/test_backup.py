"""A backup restores into an empty database with every row, and the media come back."""

import os
import stat
import threading
import time
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from core.backup import BackupError, backup, restore

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="backups are for PostgreSQL; `make test` runs this file again on PostgreSQL",
    ),
]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "var" / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "var" / "private"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "form.pdf").write_bytes(b"%PDF-1.4 sample")
    (settings.PRIVATE_MEDIA_ROOT / "complaints").mkdir(parents=True)
    (settings.PRIVATE_MEDIA_ROOT / "complaints" / "a1").write_bytes(b"attachment")
    return settings


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of the same kind as the test database."""
    import psycopg

    from core.backup import host_of

    database = connection.settings_dict
    name = f"restore_{uuid.uuid4().hex[:8]}"
    server = {
        "host": host_of(database),
        "port": database["PORT"],
        "user": database["USER"],
        "password": database["PASSWORD"],
    }
    server = {key: value for key, value in server.items() if value}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    port = f":{database['PORT']}" if database["PORT"] else ""
    yield (
        f"postgres://{database['USER']}{password}@{'' if server['host'].startswith('/') else server['host'] + port}/{name}"
        + (f"?host={server['host']}" if server["host"].startswith("/") else "")
    )
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_backup_then_restore_into_an_empty_database(media, empty_database, tmp_path, capsys):
    call_command("backup", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    assert {path.name for path in folder.iterdir()} >= {"manifest.json", "media.tar.gz"}
    restored_media = tmp_path / "restored-media"
    call_command(
        "restore_backup", str(folder), "--database-url", empty_database, "--media-root", str(restored_media)
    )
    assert "every table has the rows it had" in capsys.readouterr().out
    assert (restored_media / "media" / "documents" / "form.pdf").read_bytes() == b"%PDF-1.4 sample"
    assert (restored_media / "private" / "complaints" / "a1").read_bytes() == b"attachment"


@pytest.fixture
def busy_writer():
    """Another client inserting rows, committed one by one, while the backup runs."""
    import psycopg

    from core.backup import host_of

    database = connection.settings_dict
    params = {"dbname": database["NAME"], "host": host_of(database), "user": database["USER"]}
    stop = threading.Event()
    written = []

    def write():
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as writer:
            while not stop.is_set():
                number = len(written)
                writer.execute(
                    "INSERT INTO taggit_tag (name, slug) VALUES (%s, %s)",
                    (f"busy {number}", f"busy-{number}"),
                )
                written.append(number)
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as cleaner:
            cleaner.execute("DELETE FROM taggit_tag WHERE slug LIKE 'busy-%%'")

    thread = threading.Thread(target=write)
    thread.start()
    yield written
    stop.set()
    thread.join()


def test_a_backup_of_a_live_site_restores_exactly(media, empty_database, tmp_path, busy_writer):
    """Counts and dump come from one snapshot, so rows written meanwhile are in neither."""
    while len(busy_writer) < 20:  # the writer is well under way
        time.sleep(0.01)
    folder = backup(tmp_path / "backups", progress=lambda line: None)
    assert len(busy_writer) > 20
    assert restore(folder, empty_database, progress=lambda line: None) == {}


def test_backups_are_private_and_whole(media, tmp_path):
    folder = backup(tmp_path / "backups", progress=lambda line: None)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert [path.name for path in (tmp_path / "backups").iterdir()] == [folder.name]  # nothing half-written


def test_a_failed_dump_leaves_nothing_behind(media, tmp_path, monkeypatch):
    """pg_dump failing (full disk, lost server) must not leave a folder that looks like a backup."""
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "pg_dump").write_text(
        "#!/bin/sh\necho 'pg_dump: error: could not write: No space left on device' >&2\nexit 1\n"
    )
    (tools / "pg_dump").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:{os.environ['PATH']}")
    with pytest.raises(BackupError, match="pg_dump failed: .*No space left on device"):
        backup(tmp_path / "backups", progress=lambda line: None)
    assert list((tmp_path / "backups").iterdir()) == []


def test_backup_with_the_database_unreachable_says_so_in_one_line(media, tmp_path):
    unreachable = {**connection.settings_dict, "HOST": "127.0.0.1", "PORT": "9", "OPTIONS": {}}
    with pytest.raises(BackupError) as raised:
        backup(tmp_path / "backups", progress=lambda line: None, database=unreachable)
    message = str(raised.value)
    assert "cannot be reached" in message and "\n" not in message
    assert list((tmp_path / "backups").iterdir()) == []


def test_restore_refuses_a_database_that_is_not_empty_unless_forced(media, empty_database, tmp_path):
    folder = backup(tmp_path / "backups", progress=lambda line: None)
    assert restore(folder, empty_database, progress=lambda line: None) == {}
    with pytest.raises(CommandError, match="is not empty .* --force"):
        call_command("restore_backup", str(folder), "--database-url", empty_database)
    call_command("restore_backup", str(folder), "--database-url", empty_database, "--force")
