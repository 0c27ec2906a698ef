"""Guessing passwords at the admin stops after a few tries, even with the right one."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # S303 is fine in tests


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def login(client, username, password, address="203.0.113.5"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_the_limit_backend_comes_first():
    assert settings.AUTHENTICATION_BACKENDS[0] == "core.login_limits.LoginLimitBackend"


def test_ten_failures_from_one_address_lock_it_out(client, make_user):
    make_user("petugas")
    for _ in range(10):
        assert login(client, "petugas", "wrong").status_code == 200
    refused = login(client, "petugas", "pw-test-1234")
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    other_address = login(client, "petugas", "pw-test-1234", address="198.51.100.7")
    assert other_address.status_code == 302  # the real person elsewhere can still sign in


def test_many_addresses_cannot_keep_guessing_one_account(client, make_user):
    make_user("kepala")
    for number in range(20):
        login(client, "kepala", "wrong", address=f"198.51.100.{number}")
    assert login(client, "kepala", "pw-test-1234", address="192.0.2.1").status_code == 200


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_client_address_counts(client, make_user):
    make_user("staf")
    for _ in range(10):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "staf", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    ok = client.post(
        reverse("wagtailadmin_login"),
        {"username": "staf", "password": "pw-test-1234"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert ok.status_code == 302
