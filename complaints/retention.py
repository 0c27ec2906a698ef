"""Retention: remove personal data from complaints finished longer than ``RETENTION_DAYS`` ago.

A complaint is finished when it is closed or rejected (``closed_at``). Scrubbing
empties the description and contact details, deletes the complainant's additions,
the attachments (files and records) and the staff's internal notes (which may quote
the complainant) and every email sent about it (the confirmation holds the tracking
code, whose hash leads to the complaint). It keeps what the statistics need: category, office, dates,
status and satisfaction, and the public timeline (written for the public anyway)
and the audit trail (which never holds personal data).

Run daily by the scheduler (``complaints.retention``, ``manage.py run_periodic``).
Resolved complaints whose time to reopen has passed are closed first.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from complaints import conf, notifications, services
from complaints.models import FINAL_STATUSES, AuditEntry, Complaint
from core import retention as core_retention


def due_for_scrubbing(now=None):
    cutoff = (now or timezone.now()) - timedelta(days=conf.get("RETENTION_DAYS"))
    return Complaint.objects.filter(
        status__in=FINAL_STATUSES, closed_at__lt=cutoff, scrubbed_at__isnull=True
    ).order_by("pk")


def scrub(complaint, now=None):
    """Remove one complaint's personal data; files are deleted after the commit."""
    files = [attachment.file.name for attachment in complaint.attachments.all()]
    storage = complaint.attachments.model._meta.get_field("file").storage
    with transaction.atomic():
        complaint.attachments.all().delete()
        complaint.additions.all().delete()
        complaint.internal_notes.all().delete()
        core_retention.forget_subject(notifications.subject_key(complaint), to=complaint.contact_email)
        complaint.description = ""
        complaint.contact_name = complaint.contact_email = complaint.contact_phone = ""
        complaint.scrubbed_at = now or timezone.now()
        complaint.save()
        services.audit(complaint, None, AuditEntry.Action.SCRUBBED, f"{len(files)} attachment(s) deleted")
        transaction.on_commit(lambda: [storage.delete(name) for name in files])


def run(now=None):
    """Close expired resolutions, then scrub; returns (closed, scrubbed)."""
    closed = services.close_expired_resolutions(now)
    complaints = list(due_for_scrubbing(now))
    for complaint in complaints:
        scrub(complaint, now)
    return closed, len(complaints)


def scheduled_run(now=None):
    """The periodic job: ``run`` with its counts named for the scheduler's record."""
    closed, scrubbed = run(now)
    return {"closed": closed, "scrubbed": scrubbed}
