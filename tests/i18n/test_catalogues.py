"""The four interface catalogues are complete and match the strings in the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["id", "en", "ar", "zh_Hans"]
SKIP = shutil.ignore_patterns(".git", ".venv", "node_modules", "var", "__pycache__", ".pytest_cache")


def catalogue(root, language):
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    entries = catalogue(ROOT, language)
    missing = [entry.msgid for entry in entries if not entry.translated() and not entry.obsolete]
    assert missing == [], f"untranslated in {language}: {missing}"
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert fuzzy == [], f"fuzzy (needs review) in {language}: {fuzzy}"


@pytest.mark.slow
def test_catalogues_match_the_code(tmp_path):
    """Run makemessages on a copy of the project and compare: no new or removed strings."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    env = dict(os.environ, SINERGI_VAR_DIR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="config.settings")
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--all",
            "--no-obsolete",
            "--ignore=node_modules",
            "--ignore=var",
            "--verbosity=0",
        ],
        cwd=copy,
        env=env,
        check=True,
    )
    for language in LANGUAGES:
        committed = {entry.msgid for entry in catalogue(ROOT, language)}
        current = {entry.msgid for entry in catalogue(copy, language) if not entry.obsolete}
        assert current - committed == set(), f"run `make makemessages`: new strings for {language}"
        assert committed - current == set(), f"run `make makemessages`: stale strings in {language}"
