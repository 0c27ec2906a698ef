"""Outgoing email through a queue: written in the transaction, sent by a background task.

``queue_email`` stores the message and, after commit, enqueues ``send_emails_task``.
A message that fails to send keeps its error and is retried by the next run (and
by ``manage.py send_emails``, run periodically in production), so none is lost.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from cms.models.subscriptions import OutgoingEmail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10


def queue_email(to, subject, body, headers=None):
    message = OutgoingEmail.objects.create(to=to, subject=subject, body=body, headers=headers or {})
    transaction.on_commit(send_emails_task.enqueue)
    return message


def send_pending(limit=200):
    """Send what is waiting; returns (sent, failed)."""
    sent = failed = 0
    waiting = OutgoingEmail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS).order_by("id")
    for message in list(waiting[:limit]):
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
            headers=message.headers,
        )
        try:
            email.send()
        except Exception as error:  # any transport failure: keep the message, retry later
            failed += 1
            OutgoingEmail.objects.filter(pk=message.pk).update(
                attempts=message.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
            )
            logger.warning("email %s not sent (attempt %s): %s", message.pk, message.attempts + 1, error)
            continue
        OutgoingEmail.objects.filter(pk=message.pk).update(
            sent_at=timezone.now(), attempts=message.attempts + 1
        )
        sent += 1
    return sent, failed


@task()
def send_emails_task():
    sent, failed = send_pending()
    return {"sent": sent, "failed": failed}
