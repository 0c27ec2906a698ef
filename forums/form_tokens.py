"""The posting forms' token (core/form_tokens.py): a form sent back too fast is a robot's;
an expired one is sent again with what was typed kept."""

from core.form_tokens import BadToken, FormTokens
from forums import conf

_tokens = FormTokens("forums.form-token", lambda: conf.get("FORM_MAX_AGE_SECONDS"))
issue = _tokens.issue


def seconds_old(signed, now=None):
    """Seconds since the form was shown; BadToken when the token is not ours or too old."""
    return _tokens.read(signed).seconds_old(now)


__all__ = ["BadToken", "issue", "seconds_old"]
