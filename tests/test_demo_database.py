"""The test database template (tests/demo_database.py) is used only while nothing it was
built from has changed, and is written whole or not at all."""

import sqlite3
from types import SimpleNamespace

from tests import demo_database


def sources(tmp_path):
    (tmp_path / "cms" / "migrations").mkdir(parents=True)
    (tmp_path / "cms" / "migrations" / "0001_initial.py").write_text("operations = []\n")
    (tmp_path / "cms" / "demo.json").write_text('{"guides": 24}')
    return tmp_path


def test_any_change_to_code_data_or_migrations_gives_another_fingerprint(tmp_path):
    root = sources(tmp_path)
    before = demo_database.fingerprint(root, ("cms",))
    assert demo_database.fingerprint(root, ("cms",)) == before
    (root / "cms" / "demo.json").write_text('{"guides": 25}')
    after_data = demo_database.fingerprint(root, ("cms",))
    (root / "cms" / "migrations" / "0002_more.py").write_text("operations = []\n")
    after_migration = demo_database.fingerprint(root, ("cms",))
    assert len({before, after_data, after_migration}) == 3


def test_compiled_files_do_not_count(tmp_path):
    root = sources(tmp_path)
    before = demo_database.fingerprint(root, ("cms",))
    (root / "cms" / "__pycache__").mkdir()
    (root / "cms" / "__pycache__" / "demo.cpython-311.pyc").write_bytes(b"\0")
    assert demo_database.fingerprint(root, ("cms",)) == before


def database_with(rows):
    raw = sqlite3.connect(":memory:")
    raw.execute("create table guide (title text)")
    raw.executemany("insert into guide values (?)", [(row,) for row in rows])
    raw.commit()
    return SimpleNamespace(connection=raw)


def test_a_saved_template_is_whole_and_a_second_save_keeps_the_first(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "form.pdf").write_bytes(b"%PDF")
    template = demo_database.Template("demo-abc", folder=tmp_path / "templates")

    template.save(database_with(["Visa"]), ["documents/form.pdf"])
    template.save(database_with(["Other"]), [])

    assert template.exists()
    with sqlite3.connect(template.database) as saved:
        assert saved.execute("select title from guide").fetchall() == [("Visa",)]
    assert (template.media / "documents" / "form.pdf").read_bytes() == b"%PDF"
    assert [p.name for p in (tmp_path / "templates").iterdir()] == ["demo-abc"]


def test_old_templates_are_pruned_per_kind(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    demo_database.Template("schema-one", folder=tmp_path / "templates").save(database_with(["s"]), [])
    for key in ("one", "two", "three", "four"):
        demo_database.Template(f"demo-{key}", folder=tmp_path / "templates").save(database_with([key]), [])
    kept = sorted(p.name for p in (tmp_path / "templates").iterdir())
    assert kept == ["demo-four", "demo-three", "demo-two", "schema-one"]


def test_the_schema_fingerprint_ignores_code_but_not_migrations(tmp_path):
    root = sources(tmp_path)
    (root / "cms" / "views.py").write_text("x = 1\n")
    before = demo_database.schema_fingerprint(root, ("cms",))
    (root / "cms" / "views.py").write_text("x = 2\n")
    assert demo_database.schema_fingerprint(root, ("cms",)) == before
    (root / "cms" / "migrations" / "0002_more.py").write_text("operations = []\n")
    assert demo_database.schema_fingerprint(root, ("cms",)) != before
