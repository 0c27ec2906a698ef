"""When each periodic job last ran, kept in the database so that a restarted scheduler
does not repeat a weekly email (core/periodic.py)."""

from django.db import models


class PeriodicRun(models.Model):
    key = models.CharField(max_length=100, unique=True)
    last_run = models.DateTimeField()

    class Meta:
        # The table was created by the cms app before the platform layer moved to core.
        db_table = "cms_periodicrun"

    def __str__(self):
        return f"{self.key} at {self.last_run:%Y-%m-%d %H:%M}"
