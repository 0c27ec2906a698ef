"""What happens to a complaint: filing, staff actions and the complainant's follow-ups.

Every change goes through these functions, so each one is checked (allowed status
changes, time limits) and written to the audit trail in the same transaction.
Views only translate requests into these calls.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from complaints import codes, conf, notifications
from complaints.models import (
    FINAL_STATUSES,
    NEXT_STATUSES,
    Addition,
    Attachment,
    AuditEntry,
    Complaint,
    InternalNote,
    Status,
    TimelineEntry,
)

logger = logging.getLogger(__name__)
Action = AuditEntry.Action


class AlreadyFiled(Exception):
    """This form (its one-time token) was already stored."""

    def __init__(self, complaint):
        super().__init__(complaint.pk)
        self.complaint = complaint


class TooManyAdditions(ValidationError):
    """The complainant added information ``ADDITIONS_PER_HOUR`` times in the last hour."""


class QuotaExceeded(ValidationError):
    """The files would take the complaint past ``ATTACHMENT_QUOTA_BYTES``."""


@dataclass(frozen=True)
class Filed:
    complaint: Complaint
    code: str  # the only moment the code exists in clear


def audit(complaint, actor, action, detail=""):
    return AuditEntry.objects.create(complaint=complaint, actor=actor, action=action, detail=detail[:300])


def save_attachments(complaint, checked_uploads, addition=None):
    for upload, checked in checked_uploads:
        attachment = Attachment(
            complaint=complaint,
            addition=addition,
            content_type=checked.content_type,
            size=upload.size,
            original_name=checked.original_name,
        )
        upload.seek(0)
        attachment.file.save(f"upload{checked.extension}", upload, save=False)
        attachment.save()


def file_complaint(data, checked_uploads, token, language, base_url):
    """Store a complaint from the form's cleaned data; returns Filed or raises AlreadyFiled."""
    existing = Complaint.objects.filter(form_token_hash=token.hash).first()
    if existing:
        raise AlreadyFiled(existing)
    for _attempt in range(3):  # a new code if one ever collides (2^60 codes: practically never)
        code = codes.generate()
        try:
            with transaction.atomic():
                complaint = Complaint.objects.create(
                    code_hash=codes.code_hash(code),
                    form_token_hash=token.hash,
                    category=data["category"],
                    office=data["office"],
                    description=data["description"],
                    happened_on=data["happened_on"],
                    contact_name=data.get("contact_name", ""),
                    contact_email=data.get("contact_email", ""),
                    contact_phone=data.get("contact_phone", ""),
                    language=language,
                )
                TimelineEntry.objects.create(
                    complaint=complaint, status=Status.RECEIVED, created_at=complaint.received_at
                )
                save_attachments(complaint, checked_uploads)
                audit(
                    complaint,
                    None,
                    Action.FILED,
                    f"{complaint.category}, {len(checked_uploads)} attachment(s)",
                )
                if complaint.contact_email:
                    notifications.confirm_filing(complaint, code, base_url)
            return Filed(complaint, code)
        except IntegrityError:
            existing = Complaint.objects.filter(form_token_hash=token.hash).first()
            if existing:  # the same form sent twice at once: the other request stored it
                raise AlreadyFiled(existing) from None
    raise RuntimeError("could not find an unused tracking code")


def find_by_code(code):
    return Complaint.objects.select_related("office").filter(code_hash=codes.code_hash(code)).first()


def _locked(complaint):
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def change_status(complaint, actor, status, public_note):
    """A staff status change; the public note is required (for a rejection it is the reason)."""
    public_note = (public_note or "").strip()
    if not public_note:
        raise ValidationError(_("Write a public note: the complainant sees it with the new status."))
    with transaction.atomic():
        complaint = _locked(complaint)
        if status not in NEXT_STATUSES[complaint.status]:
            raise ValidationError(
                _("A complaint cannot go from “%(old)s” to “%(new)s”."),
                params={"old": Status(complaint.status).label, "new": Status(status).label},
            )
        now = timezone.now()
        old = complaint.status
        complaint.status = status
        complaint.first_response_at = complaint.first_response_at or now
        if status == Status.RESOLVED:
            complaint.resolved_at = now
        elif status == Status.IN_PROGRESS:
            complaint.resolved_at = None
        if status in FINAL_STATUSES:
            complaint.closed_at = now
        complaint.save()
        TimelineEntry.objects.create(
            complaint=complaint, status=status, public_note=public_note, created_at=now
        )
        audit(complaint, actor, Action.STATUS_CHANGED, f"{old} -> {status}")
        if complaint.contact_email and complaint.scrubbed_at is None:
            notifications.status_changed(complaint)
    return complaint


def assign(complaint, actor, assignee):
    with transaction.atomic():
        complaint = _locked(complaint)
        complaint.assigned_to = assignee
        complaint.save(update_fields=["assigned_to"])
        audit(
            complaint, actor, Action.ASSIGNED, f"to {assignee.get_username()}" if assignee else "unassigned"
        )
    return complaint


def add_internal_note(complaint, actor, text):
    with transaction.atomic():
        note = InternalNote.objects.create(complaint=complaint, author=actor, text=text)
        audit(complaint, actor, Action.INTERNAL_NOTE, f"note {note.pk}")
    return note


def _check_addition_limits(complaint, checked_uploads, now):
    """Anyone who files gets a code, so additions are bounded per complaint: a number per
    hour (the public timeline shows each) and a total size of files (the disk)."""
    recent = complaint.additions.filter(created_at__gt=now - timedelta(hours=1)).count()
    if recent >= conf.get("ADDITIONS_PER_HOUR"):
        raise TooManyAdditions(
            _("You have added information several times in the last hour. Please try again later.")
        )
    stored = complaint.attachments.aggregate(total=Sum("size"))["total"] or 0
    if stored + sum(upload.size for upload, _checked in checked_uploads) > conf.get("ATTACHMENT_QUOTA_BYTES"):
        raise QuotaExceeded(
            _(
                "This complaint has no room for more files. Please describe them in words, "
                "or contact the office."
            )
        )


def add_information(complaint, text, checked_uploads, now=None):
    """The complainant adds information while the complaint is open or may still be reopened,
    within the limits of ``_check_addition_limits``."""
    now = now or timezone.now()
    with transaction.atomic():
        complaint = _locked(complaint)
        if not complaint.can_add_information(now):
            raise ValidationError(_("Information can no longer be added to this complaint."))
        _check_addition_limits(complaint, checked_uploads, now)
        addition = Addition.objects.create(complaint=complaint, text=text, created_at=now)
        save_attachments(complaint, checked_uploads, addition=addition)
        TimelineEntry.objects.create(
            complaint=complaint, kind=TimelineEntry.Kind.INFORMATION, status=complaint.status
        )
        audit(complaint, None, Action.INFORMATION_ADDED, f"{len(checked_uploads)} attachment(s)")
    return addition


def reopen(complaint, reason):
    """The complainant reopens a resolved complaint within ``REOPEN_DAYS``; it goes back in progress."""
    with transaction.atomic():
        complaint = _locked(complaint)
        if not complaint.can_reopen():
            raise ValidationError(_("This complaint can no longer be reopened."))
        Addition.objects.create(complaint=complaint, text=reason)
        complaint.status = Status.IN_PROGRESS
        complaint.resolved_at = None
        complaint.save()
        TimelineEntry.objects.create(
            complaint=complaint, kind=TimelineEntry.Kind.REOPENED, status=Status.IN_PROGRESS
        )
        audit(complaint, None, Action.REOPENED)
    return complaint


def answer_satisfaction(complaint, value):
    with transaction.atomic():
        complaint = _locked(complaint)
        if not complaint.can_answer_satisfaction:
            raise ValidationError(_("This question has already been answered."))
        complaint.satisfaction = value
        complaint.save(update_fields=["satisfaction"])
        audit(complaint, None, Action.SATISFACTION, str(value))
    return complaint


def close_expired_resolutions(now=None):
    """Close resolved complaints whose time to reopen has passed; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=conf.get("REOPEN_DAYS"))
    closed = 0
    for complaint in Complaint.objects.filter(status=Status.RESOLVED, resolved_at__lt=cutoff):
        with transaction.atomic():
            complaint = _locked(complaint)
            if complaint.status != Status.RESOLVED:
                continue
            complaint.status = Status.CLOSED
            complaint.closed_at = now
            complaint.save()
            TimelineEntry.objects.create(
                complaint=complaint, kind=TimelineEntry.Kind.AUTO_CLOSED, status=Status.CLOSED, created_at=now
            )
            audit(complaint, None, Action.AUTO_CLOSED)
            closed += 1
    return closed
