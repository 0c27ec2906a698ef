"""The events fixtures, for feedback and dashboard tests."""

from tests.agenda.conftest import calendar_page, make_event, outbox  # noqa: F401
