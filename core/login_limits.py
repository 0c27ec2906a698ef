"""Failed sign-ins are limited, for the admin and the public accounts alike.

Every failed attempt counts against the client address and against the account
name (so neither one address nor many addresses can go on guessing a password).
Once over the limit, ``LoginLimitBackend`` (first in AUTHENTICATION_BACKENDS)
refuses further attempts for the rest of the window, even with the right password;
Django then reports a failed sign-in as usual, so the page gives nothing away.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from core import conf, rate_limit


def _account(credentials):
    name = credentials.get("username") or credentials.get("email") or credentials.get("login") or ""
    return str(name).strip().lower()


def locked(request, credentials):
    if request is not None and rate_limit.exceeded(
        "login-address", rate_limit.client_address(request), conf.get("LOGIN_ADDRESS_LIMIT")
    ):
        return True
    account = _account(credentials)
    return bool(account) and rate_limit.exceeded("login-account", account, conf.get("LOGIN_ACCOUNT_LIMIT"))


@receiver(user_login_failed, dispatch_uid="core.login_limits.count")
def count_failure(sender, credentials, request=None, **kwargs):
    window = conf.get("LOGIN_WINDOW")
    if request is not None:
        rate_limit.hit(
            "login-address", rate_limit.client_address(request), conf.get("LOGIN_ADDRESS_LIMIT"), window
        )
    account = _account(credentials)
    if account:
        rate_limit.hit("login-account", account, conf.get("LOGIN_ACCOUNT_LIMIT"), window)


class LoginLimitBackend(ModelBackend):
    """Authenticates nobody itself; stops the other backends while a limit is reached.

    It inherits the rest of ModelBackend (loading the signed-in user, permissions)
    because Django's test client signs users in with the first backend listed.
    """

    def authenticate(self, request, **credentials):
        if locked(request, credentials):
            raise PermissionDenied
        return None
