"""The filing form's one-time token (core/form_tokens.py); its hash is stored with the
complaint, so the same form sent twice (a double click, a reload) is stored once."""

from complaints import conf
from core.form_tokens import BadToken, FormTokens

_tokens = FormTokens("complaints.form-token", lambda: conf.get("FORM_MAX_AGE_SECONDS"))
issue, read = _tokens.issue, _tokens.read

__all__ = ["BadToken", "issue", "read"]
