from django.db import models


class PendingPurge(models.Model):
    """A page address the CDN or proxy in front could not be told to drop: the scheduler asks
    again (core/frontend_cache.py) until it answers, so a withdrawn page does not stay in the
    edge cache because the purge endpoint was down for a moment."""

    url = models.URLField(max_length=2000, unique=True)
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"purge of {self.url}"
