"""What a periodic mail job has sent, per recipient and period (core/notices.py), so that a
run that crashed half-way and runs again sends nobody the same digest twice."""

from django.db import models


class SentNotice(models.Model):
    key = models.CharField(max_length=100)  # which notice: the periodic job's key
    recipient = models.CharField(max_length=100)  # a user's primary key, not an address
    period = models.CharField(max_length=20)  # "2026-W49", "2026-12-06"
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "recipient", "period"], name="core_sentnotice_once")
        ]

    def __str__(self):
        return f"{self.key} to {self.recipient} for {self.period}"
