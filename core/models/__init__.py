"""The platform's own models: the email outbox, the scheduler's record of runs and what its
mail jobs sent, and the CDN purges still to retry."""

from .emails import OutgoingEmail
from .notices import SentNotice
from .periodic import PeriodicRun
from .purges import PendingPurge

__all__ = ["OutgoingEmail", "PendingPurge", "PeriodicRun", "SentNotice"]
