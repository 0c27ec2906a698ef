"""Search's own tables: the embedded database index and the queue of index updates.

``SearchEntry`` is the database engine's index. It is kept up to date whichever
engine is configured, so that search can answer from it when Elasticsearch or
OpenSearch is unreachable.

``PendingUpdate`` is an outbox: a publish, unpublish, move or delete writes a row
in the same transaction as the change, so the update cannot be lost; the row is
removed only once every engine has applied it. Failed rows are retried once their
``retry_after`` has passed (the periodic retry job, ``search_index process``, or the
next change's task), with a back-off that doubles up to a minute.
"""

from django.db import models


class SearchEntry(models.Model):
    source = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    topics = models.JSONField(default=list)
    topic_titles = models.JSONField(default=list)
    audience = models.JSONField(default=list)
    # ",id,en," : languages the object exists in, as text so that "not translated
    # into X" is a plain LIKE on every database (SQLite has no JSON containment).
    available_languages = models.CharField(max_length=100, blank=True)
    url = models.CharField(max_length=500)
    published = models.DateTimeField(null=True)
    updated = models.DateTimeField(null=True)
    event_start = models.DateTimeField(null=True)
    status = models.CharField(max_length=20, default="published")
    boost = models.FloatField(default=1.0)
    version = models.BigIntegerField(default=0)
    # Lower-cased title, summary, body and topics: what the database engine matches against.
    search_text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id", "language"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return f"{self.language} {self.source}:{self.object_id} {self.title}"


class PendingUpdate(models.Model):
    source = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    retry_after = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["source", "object_id"]), models.Index(fields=["retry_after"])]

    def __str__(self):
        return f"{self.source}:{self.object_id} ({self.attempts} attempts)"
