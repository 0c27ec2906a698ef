"""Emails to a complainant who gave an address: the confirmation (with the code) and status updates.

Sent through core.emails.queue_email, in the language the complaint was filed in.
The address is never logged. Updates carry no code (only its hash is kept), just
the link to the look-up page. Each message carries the complaint's ``subject_key``, so the
retention that erases the complaint deletes its mail too (the confirmation holds the code).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.emails import queue_email


def _send(complaint, template, context):
    with translation.override(complaint.language):
        context = {"complaint": complaint, **context}
        subject = " ".join(render_to_string(f"complaints/email/{template}_subject.txt", context).split())
        body = render_to_string(f"complaints/email/{template}_body.txt", context)
    queue_email(complaint.contact_email, subject, body, subject_key=subject_key(complaint))


def subject_key(complaint):
    return f"complaints.complaint:{complaint.pk}"


def _track_url(complaint, base_url):
    with translation.override(complaint.language):
        return base_url.rstrip("/") + reverse("complaints:track")


def confirm_filing(complaint, code, base_url):
    _send(complaint, "filed", {"code": code, "track_url": _track_url(complaint, base_url)})


def status_changed(complaint):
    _send(complaint, "status", {"track_url": _track_url(complaint, settings.SITE_BASE_URL)})
