"""The platform's own models: the email outbox and the scheduler's record of runs."""

from .emails import OutgoingEmail
from .periodic import PeriodicRun

__all__ = ["OutgoingEmail", "PeriodicRun"]
