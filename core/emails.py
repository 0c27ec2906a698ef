"""Outgoing email through a queue: written in the transaction, sent by a background task.

``queue_email`` stores the message and, after commit, enqueues ``send_emails_task``
(once per transaction). With django-tasks' immediate backend (the default) the
task runs in the same process right after the commit; with a database backend and
a worker (production) it runs in the worker. A message that fails to send keeps
its error and is retried by the next run (and by the scheduler's ``core.send_emails``
job every 5 minutes), so none is lost. Each message is claimed with a
compare-and-set on its attempt count before sending, so two runs at the same
time never send it twice.
"""

import logging
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

from core import conf
from core.models import OutgoingEmail
from core.on_commit import on_commit_once
from core.withdrawal import still_public

logger = logging.getLogger(__name__)


def queue_email(to, subject, body, headers=None, attachments=None, subject_key=""):
    """Store a message to send after commit. ``attachments``: see OutgoingEmail.attachments;
    ``subject_key``: what it is about (core.withdrawal.subject_key), so that retention can
    delete it (core/retention.py) and a withdrawal can stop it (core/withdrawal.py)."""
    message = OutgoingEmail.objects.create(
        to=to,
        subject=subject,
        body=body,
        headers=headers or {},
        attachments=attachments or [],
        subject_key=subject_key,
    )
    on_commit_once(send_emails_task.enqueue)
    return message


class _Email(EmailMultiAlternatives):
    """Django's message whose alternatives may carry Content-Type parameters, which
    ``attach_alternative`` cannot express: they are set on the built message."""

    def __init__(self, *args, alternative_params=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.alternative_params = list(alternative_params)  # one dict per alternative, in order

    def message(self):
        message = super().message()
        if self.alternative_params:
            alternative = next(
                part for part in message.walk() if part.get_content_type() == "multipart/alternative"
            )
            inline = alternative.get_payload()[-len(self.alternative_params) :]
            for part, params in zip(inline, self.alternative_params, strict=True):
                for name, value in params.items():
                    # Unquoted, as calendar programs write it: method=REQUEST.
                    part.set_param(name, value, requote=False)
        return message


def _build(message):
    """The Django message for a stored one. Its ``attachments`` (OutgoingEmail.attachments)
    marked ``alternative`` go beside the text in a multipart/alternative, inline: a calendar
    invitation there (``text/calendar; method=REQUEST``) is what Gmail and Outlook show with
    its buttons. The others are files."""
    alternatives = [item for item in message.attachments if item.get("alternative")]
    email = _Email(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        headers=message.headers,
        alternative_params=[item.get("params", {}) for item in alternatives],
    )
    for item in alternatives:
        email.attach_alternative(item["content"], item["mimetype"])
    for item in message.attachments:
        if item.get("alternative"):
            continue
        if item["mimetype"].startswith("text/"):
            email.attach(text_attachment(item))
        else:
            email.attach(item["filename"], item["content"].encode(), item["mimetype"])
    return email


def text_attachment(attachment):
    """A MIME part for a stored text attachment, with its parameters (method=REQUEST for
    calendar invitations: Outlook and Gmail only offer "accept" when the part says so)."""
    maintype, subtype = attachment["mimetype"].split("/", 1)
    part = MIMEText(attachment["content"], subtype, "utf-8")
    for name, value in attachment.get("params", {}).items():
        part.set_param(name, value)
    part.add_header("Content-Disposition", "attachment", filename=attachment["filename"])
    return part


def send_pending(limit=200):
    """Send what is waiting; returns (sent, failed)."""
    sent = failed = 0
    waiting = OutgoingEmail.objects.filter(
        sent_at__isnull=True, attempts__lt=conf.get("EMAIL_MAX_ATTEMPTS")
    ).order_by("id")
    for message in list(waiting[:limit]):
        if not still_public(message.subject_key):
            # What it is about was withdrawn after it was queued (core/withdrawal.py).
            OutgoingEmail.objects.filter(pk=message.pk, sent_at__isnull=True).delete()
            logger.info("email %s dropped: %s is no longer public", message.pk, message.subject_key)
            continue
        claimed = OutgoingEmail.objects.filter(
            pk=message.pk, sent_at__isnull=True, attempts=message.attempts
        ).update(attempts=message.attempts + 1)
        if not claimed:  # another run took it
            continue
        email = _build(message)
        try:
            email.send()
        except Exception as error:  # any transport failure: keep the message, retry later
            failed += 1
            OutgoingEmail.objects.filter(pk=message.pk).update(
                last_error=f"{type(error).__name__}: {error}"[:2000]
            )
            # The error text can contain the address: it stays in the row, not in the log.
            logger.warning(
                "email %s not sent (attempt %s): %s", message.pk, message.attempts + 1, type(error).__name__
            )
            continue
        OutgoingEmail.objects.filter(pk=message.pk).update(sent_at=timezone.now())
        sent += 1
    return sent, failed


@task()
def send_emails_task():
    sent, failed = send_pending()
    return {"sent": sent, "failed": failed}
