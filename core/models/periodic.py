"""The scheduler's record of each periodic job (core/scheduler.py): when its last run
started, how it ended, and who holds it now. The start decides when the job is due
again, so a restarted scheduler or a cron line does not repeat a weekly email; the
lease is how two schedulers agree that only one runs it."""

from django.db import models

RUNNING, OK, FAILED = "running", "ok", "failed"


class PeriodicRun(models.Model):
    key = models.CharField(max_length=100, unique=True)
    last_run = models.DateTimeField(null=True, blank=True)  # when the last run started
    finished = models.DateTimeField(null=True, blank=True)
    duration = models.DurationField(null=True, blank=True)
    outcome = models.CharField(max_length=10, blank=True)  # RUNNING, OK or FAILED
    summary = models.CharField(max_length=200, blank=True)  # what the job returned, or the error's type
    locked_until = models.DateTimeField(null=True, blank=True)  # the running run's lease

    class Meta:
        # The table was created by the cms app before the platform layer moved to core.
        db_table = "cms_periodicrun"

    def __str__(self):
        return f"{self.key}: {self.outcome or 'never run'}"
