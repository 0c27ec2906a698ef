"""Complaints, their public timeline, the staff's private notes and the audit trail.

What is personal data (scrubbed after the retention period, shown only to staff
with ``complaints.view_personal_data``): the contact details, the attachments and
their names. The description and the complainant's additions are read by the
handlers (they need them to act) but never shown on a public page; they are
scrubbed too. What stays for statistics: category, office, dates, status,
satisfaction.
"""

import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints import conf, working_days
from complaints.storage import private_storage


class Category(models.TextChoices):
    SERVICE = "service", _("Complaint about a service")
    MISCONDUCT = "misconduct", _("Misconduct or corruption")
    ILLEGAL = "illegal", _("Illegal practice")
    SUGGESTION = "suggestion", _("Suggestion")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    VERIFIED = "verified", _("Verified")
    IN_PROGRESS = "in_progress", _("In progress")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")


OPEN_STATUSES = (Status.RECEIVED, Status.VERIFIED, Status.IN_PROGRESS)
FINAL_STATUSES = (Status.CLOSED, Status.REJECTED)
# The changes staff may make from each status. Reopening (resolved -> in progress) is
# also what the complainant's "reopen" does.
NEXT_STATUSES = {
    Status.RECEIVED: (Status.VERIFIED, Status.IN_PROGRESS, Status.REJECTED),
    Status.VERIFIED: (Status.IN_PROGRESS, Status.RESOLVED, Status.REJECTED),
    Status.IN_PROGRESS: (Status.RESOLVED, Status.REJECTED),
    Status.RESOLVED: (Status.CLOSED, Status.IN_PROGRESS),
    Status.CLOSED: (),
    Status.REJECTED: (),
}


class Satisfaction(models.IntegerChoices):
    VERY_SATISFIED = 5, _("Very satisfied")
    SATISFIED = 4, _("Satisfied")
    NEUTRAL = 3, _("Neither satisfied nor dissatisfied")
    DISSATISFIED = 2, _("Dissatisfied")
    VERY_DISSATISFIED = 1, _("Very dissatisfied")


class Office(models.Model):
    """An office or service a complaint can be about. The name is translated (translation.py)."""

    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100, blank=True)
    active = models.BooleanField(_("offered on the form"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.name


class Complaint(models.Model):
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A hash of the form's one-time token: a second submission of the same form fails here.
    form_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="complaints"
    )
    description = models.TextField(_("what happened"))
    happened_on = models.DateField(_("when it happened"))
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"), choices=Satisfaction.choices, null=True, blank=True
    )
    scrubbed_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        default_permissions = ("view",)
        permissions = [
            ("handle_complaint", _("Can handle complaints")),
            ("view_personal_data", _("Can see complainants' contact details and attachments")),
        ]
        indexes = [models.Index(fields=["status", "received_at"])]

    def __str__(self):
        return self.reference  # never personal data: str() ends up in logs

    @property
    def reference(self):
        """The staff's reference (not secret, not the tracking code)."""
        return f"{working_days.local_date(self.received_at).year}-{self.pk or 0:05d}"

    @property
    def is_anonymous(self):
        return not (self.contact_name or self.contact_email or self.contact_phone)

    @property
    def first_response_due(self):
        return working_days.due_date(self.received_at, conf.get("FIRST_RESPONSE_WORKING_DAYS"))

    def is_overdue(self, today=None):
        """No first response yet and the target date has passed."""
        today = today or timezone.localdate()
        return (
            self.first_response_at is None
            and self.status in OPEN_STATUSES
            and today > self.first_response_due
        )

    def working_days_overdue(self, today=None):
        today = today or timezone.localdate()
        return working_days.working_days_late(self.first_response_due, today) if self.is_overdue(today) else 0

    @property
    def reopen_until(self):
        if self.status != Status.RESOLVED or self.resolved_at is None:
            return None
        return self.resolved_at + timedelta(days=conf.get("REOPEN_DAYS"))

    def can_reopen(self, now=None):
        until = self.reopen_until
        return until is not None and (now or timezone.now()) <= until

    def can_add_information(self, now=None):
        return self.status in OPEN_STATUSES or self.can_reopen(now)

    @property
    def can_answer_satisfaction(self):
        return self.status == Status.CLOSED and self.satisfaction is None and self.scrubbed_at is None


class TimelineEntry(models.Model):
    """One public step of a complaint: shown, with its date and note, to whoever has the code."""

    class Kind(models.TextChoices):
        STATUS = "status", _("Status change")
        INFORMATION = "information", _("Information added by the complainant")
        REOPENED = "reopened", _("Reopened by the complainant")
        AUTO_CLOSED = "auto_closed", _("Closed automatically")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATUS)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    public_note = models.TextField(_("public note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.complaint_id}:{self.status}"


class Addition(models.Model):
    """More information from the complainant after filing (personal: never public)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="additions")
    text = models.TextField(_("information"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"addition {self.pk}"


def attachment_name(instance, filename):
    """A random name with the extension of the *detected* type; the uploaded name is never used."""
    extension = os.path.splitext(filename)[1].lower()
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Attachment(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    addition = models.ForeignKey(
        Addition, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to=attachment_name, max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    original_name = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"attachment {self.pk}"


class InternalNote(models.Model):
    """A note among staff. Never shown to the public."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("internal note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"note {self.pk}"


class AuditEntry(models.Model):
    """Who did what and when. ``detail`` never holds personal data."""

    class Action(models.TextChoices):
        FILED = "filed", _("Filed")
        ASSIGNED = "assigned", _("Assigned")
        STATUS_CHANGED = "status_changed", _("Status changed")
        INTERNAL_NOTE = "internal_note", _("Internal note added")
        PERSONAL_DATA_VIEWED = "personal_data_viewed", _("Personal data viewed")
        ATTACHMENT_DOWNLOADED = "attachment_downloaded", _("Attachment downloaded")
        CODE_CHECKED = "code_checked", _("Found by tracking code")
        INFORMATION_ADDED = "information_added", _("Information added by the complainant")
        REOPENED = "reopened", _("Reopened by the complainant")
        SATISFACTION = "satisfaction", _("Satisfaction answered")
        AUTO_CLOSED = "auto_closed", _("Closed automatically")
        SCRUBBED = "scrubbed", _("Personal data removed")

    complaint = models.ForeignKey(
        Complaint, null=True, on_delete=models.SET_NULL, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self):
        return f"{self.action} {self.complaint_id}"
