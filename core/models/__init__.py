"""The platform's own models: the email outbox, the scheduler's record of runs and what its
mail jobs sent."""

from .emails import OutgoingEmail
from .notices import SentNotice
from .periodic import PeriodicRun

__all__ = ["OutgoingEmail", "PeriodicRun", "SentNotice"]
