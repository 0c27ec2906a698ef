"""A backup restores into an empty database with every row, and the media come back."""

import uuid

import pytest
from django.core.management import call_command
from django.db import connection

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
    settings.VAR_DIR = tmp_path / "var"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "form.pdf").write_bytes(b"%PDF-1.4 sample")
    (settings.VAR_DIR / "private" / "complaints").mkdir(parents=True)
    (settings.VAR_DIR / "private" / "complaints" / "a1").write_bytes(b"attachment")
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
