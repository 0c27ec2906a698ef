"""Production refuses to start without its secrets; development needs nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(tmp_path, **env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "ALLOWED_HOSTS", "SITE_BASE_URL", "WAGTAILADMIN_BASE_URL")
    }
    clean.update(SINERGI_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="config.settings", **env)
    code = (
        "from django.conf import settings; "
        "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'], settings.WAGTAILADMIN_BASE_URL)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, check=False
    )


def test_production_without_secret_key_and_hosts_stops_with_clear_message(tmp_path):
    result = load_settings(tmp_path, SINERGI_ENV="production")
    assert result.returncode != 0
    assert "SECRET_KEY, ALLOWED_HOSTS and SITE_BASE_URL are not set" in result.stderr
    assert "docs/configuration.md" in result.stderr


def test_production_without_allowed_hosts(tmp_path):
    result = load_settings(
        tmp_path, SINERGI_ENV="production", SECRET_KEY="x" * 50, SITE_BASE_URL="https://example.org"
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_without_a_public_address_stops(tmp_path):
    """Emails carry links: without SITE_BASE_URL they pointed at http://localhost:8000."""
    result = load_settings(
        tmp_path, SINERGI_ENV="production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org"
    )
    assert result.returncode != 0
    assert "SITE_BASE_URL is not set" in result.stderr


def test_production_public_address_must_be_https(tmp_path):
    result = load_settings(
        tmp_path,
        SINERGI_ENV="production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="example.org",
        SITE_BASE_URL="http://example.org",
    )
    assert result.returncode != 0
    assert "SITE_BASE_URL must start with https://" in result.stderr.splitlines()[-1]


def test_production_with_settings_starts_without_debug(tmp_path):
    result = load_settings(
        tmp_path,
        SINERGI_ENV="production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="example.org",
        SITE_BASE_URL="https://example.org/",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False")
    # Admin links in emails (digests, moderation summaries) use the same public address.
    assert result.stdout.split()[-1] == "https://example.org"


def test_development_defaults_to_sqlite_and_generates_a_secret(tmp_path):
    result = load_settings(tmp_path, SINERGI_ENV="development", DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_typo_in_boolean_is_rejected(tmp_path):
    result = load_settings(tmp_path, DEBUG="ture")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.slow
def test_production_collects_fingerprinted_static_files_and_passes_the_deploy_check(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    env.update(
        SINERGI_VAR_DIR=str(tmp_path),
        SINERGI_ENV="production",
        SECRET_KEY="k" * 60 + "!@#$%^&*()",
        ALLOWED_HOSTS="example.org",
        SITE_BASE_URL="https://example.org",
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    collected = subprocess.run(
        [*manage, "collectstatic", "--noinput", "--verbosity=0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert collected.returncode == 0, collected.stderr
    css = list((tmp_path / "static" / "css").glob("sinergi.*.css"))
    assert css and list((tmp_path / "static" / "css").glob("sinergi.*.css.gz"))
    serve = (
        "import django; django.setup();"
        "from django.test import Client;"
        f"response = Client(HTTP_HOST='example.org').get('/static/css/{css[0].name}', secure=True);"
        "print(response.status_code, response.headers.get('Cache-Control'))"
    )
    served = subprocess.run(
        [sys.executable, "-c", serve],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
    )
    assert served.stdout.split()[0] == "200", served.stdout + served.stderr
    assert "max-age=315360000" in served.stdout and "immutable" in served.stdout
    deploy = subprocess.run(
        [*manage, "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
