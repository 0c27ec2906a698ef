"""The email outbox: every email is stored first and sent after commit, retried when it fails
(core/emails.py)."""

from django.db import models


class OutgoingEmail(models.Model):
    """An email waiting to be sent, or sent. A failed send stays here and is retried."""

    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    headers = models.JSONField(default=dict, blank=True)
    # [{"filename", "content" (text), "mimetype", "params" {name: value}}], for example a
    # calendar file; with "alternative": true (no filename) the part goes inline beside the
    # text in a multipart/alternative, e.g. text/calendar with params {"method": "REQUEST"}.
    attachments = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # What the message is about, "<app>.<model>:<pk>" (e.g. "complaints.complaint:42"), so the
    # retention of that record can delete its mail too (the body may quote personal data).
    subject_key = models.CharField(max_length=100, blank=True, db_index=True)

    class Meta:
        # The table was created by the cms app before the platform layer moved to core.
        db_table = "cms_outgoingemail"
        indexes = [models.Index(fields=["sent_at", "id"], name="cms_outgoin_sent_at_81c41d_idx")]

    def __str__(self):
        return f"email {self.pk}: {self.subject}"
