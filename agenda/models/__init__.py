"""Events: calendar and event pages, their sessions, and registrations."""

from .pages import EventIndexPage, EventPage
from .registrations import Registration
from .sessions import EventSession

__all__ = ["EventIndexPage", "EventPage", "EventSession", "Registration"]
