"""Every app's tunables are set one way (SINERGI_LIMITS or SINERGI_<APP>_<NAME>), checked at
start-up, and listed in docs/configuration.md (core/tunables.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from core import tunables

ROOT = Path(__file__).resolve().parents[2]


def manage_check(tmp_path, **env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith("SINERGI_")}
    clean.update(SINERGI_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="config.settings")
    clean.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def last_line(result):
    return result.stderr.strip().splitlines()[-1]


@pytest.mark.slow
def test_a_negative_value_stops_start_up_with_one_line_naming_it(tmp_path):
    result = manage_check(tmp_path, SINERGI_FORUMS_POST_WINDOW="-5")
    assert result.returncode != 0
    assert last_line(result) == (
        "django.core.exceptions.ImproperlyConfigured: SINERGI_FORUMS_POST_WINDOW is '-5': "
        "expected a whole number of seconds, 1 or more. See docs/configuration.md."
    )


@pytest.mark.slow
def test_an_unknown_variable_stops_start_up_with_one_line_naming_it(tmp_path):
    result = manage_check(tmp_path, SINERGI_AGENDA_OFFER_HOUR="24")
    assert result.returncode != 0
    assert last_line(result) == (
        "django.core.exceptions.ImproperlyConfigured: SINERGI_AGENDA_OFFER_HOUR is not a tunable "
        "of Sinergi (did you mean SINERGI_AGENDA_OFFER_HOURS?). See docs/configuration.md."
    )


@pytest.mark.slow
def test_an_unknown_name_in_the_setting_stops_start_up_with_one_line_naming_it(tmp_path):
    (tmp_path / "typo_settings.py").write_text(
        'from config.settings import *  # noqa: F403\nSINERGI_LIMITS = {"forums": {"POST_LIMT": 3}}\n'
    )
    result = manage_check(tmp_path, DJANGO_SETTINGS_MODULE="typo_settings", PYTHONPATH=str(tmp_path))
    assert result.returncode != 0
    assert last_line(result) == (
        "django.core.exceptions.ImproperlyConfigured: SINERGI_LIMITS['forums']['POST_LIMT'] is not a "
        "tunable of Sinergi (did you mean SINERGI_LIMITS['forums']['POST_LIMIT']?). See docs/configuration.md."
    )


@pytest.mark.slow
def test_valid_overrides_start(tmp_path):
    result = manage_check(
        tmp_path,
        SINERGI_AGENDA_OFFER_HOURS="24",
        SINERGI_CMS_API_RATE="100/minute",
        SINERGI_COMPLAINTS_HOLIDAYS="2025-08-17,2025-12-25",
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        ({"forums": {"POST_LIMT": 3}}, "SINERGI_LIMITS['forums']['POST_LIMT'] is not a tunable"),
        ({"forum": {"POST_LIMIT": 3}}, "SINERGI_LIMITS['forum'] is not a tunable"),
        ({"complaints": {"SLA_DAYS": "ten"}}, "not a tunable"),
        ({"complaints": {"FIRST_RESPONSE_WORKING_DAYS": "ten"}}, "is 'ten': expected a whole number"),
        ({"agenda": {"OFFER_HOURS": 1.5}}, "is 1.5: expected a whole number of hours"),
        ({"cms": {"API_RATE": "600 per minute"}}, 'expected a rate such as "20/hour"'),
        ({"complaints": {"HOLIDAYS": ["17 August"]}}, "expected ISO dates"),
    ],
)
def test_settings_are_checked_the_same_way(settings, limits, message):
    settings.SINERGI_LIMITS = limits
    with pytest.raises(ImproperlyConfigured, match=message.replace("[", r"\[").replace("(", r"\(")):
        tunables.validate()


def test_the_setting_wins_over_the_environment_which_wins_over_the_default(settings, monkeypatch):
    assert tunables.get("agenda", "OFFER_HOURS") == 48
    monkeypatch.setenv("SINERGI_AGENDA_OFFER_HOURS", "24")
    assert tunables.get("agenda", "OFFER_HOURS") == 24
    settings.SINERGI_LIMITS = {"agenda": {"OFFER_HOURS": 12}}
    assert tunables.get("agenda", "OFFER_HOURS") == 12


def test_rates_and_dates_are_read_into_values():
    rate = tunables.RateLimit("R", "10/15minutes", "")
    assert rate.parse(rate.default) == tunables.Rate(10, 900)
    assert rate.parse("600/minute") == tunables.Rate(600, 60)
    holidays = tunables.Dates("H", (), "")
    assert [str(day) for day in holidays.parse("2025-08-17, 2025-12-25")] == ["2025-08-17", "2025-12-25"]


def test_every_tunable_is_documented_with_its_default_and_meaning():
    docs = (ROOT / "docs" / "configuration.md").read_text()
    missing = []
    for group in tunables.registered().values():
        for name, tunable in group.tunables.items():
            default = (
                (",".join(tunable.default) or "none")
                if isinstance(tunable.default, tuple)
                else tunable.default
            )
            row = f"| `{group.environment_name(name)}` | `{default}` | {tunable.unit} | {tunable.meaning} |"
            if row not in docs:
                missing.append(row)
    assert not missing, "docs/configuration.md lacks these rows:\n" + "\n".join(missing)


def test_every_app_declares_its_tunables():
    assert set(tunables.registered()) == {
        "core",
        "cms",
        "search",
        "agenda",
        "forums",
        "complaints",
        "evaluation",
    }
