"""Emails to registrants, in the language each chose, with calendar attachments.

Each function queues its emails in the current transaction (core/emails.py), so an
email goes out only if the change it reports was saved. Dates are written in the
session's own time zone with its abbreviation (WIB, WITA, WIT).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agenda import ics
from core.emails import queue_email


def manage_url(registration):
    with translation.override(registration.language):
        return settings.SITE_BASE_URL + reverse("agenda:registration", kwargs={"token": registration.token})


def _calendar_parts(content, method):
    """The invitation as Gmail, Outlook and Apple Mail read it: an inline ``text/calendar;
    method=...`` alternative to the text (what turns the email into an invitation with
    its buttons) and the same file attached as ``application/ics`` for other programs (a
    second ``text/calendar`` part would be shown as a second invitation)."""
    text = content.decode()
    return [
        {"content": text, "mimetype": "text/calendar", "params": {"method": method}, "alternative": True},
        {
            "filename": "cancel.ics" if method == "CANCEL" else "invite.ics",
            "content": text,
            "mimetype": "application/ics",
        },
    ]


def _send(registration, template, subject, method=None, extra=None):
    """Render ``agenda/email/<template>.txt`` for the registrant and queue it."""
    session = registration.session
    attachments = []
    with translation.override(registration.language), timezone.override(session.zone):
        if method:
            sequence = registration.next_calendar_sequence()
            builder = ics.invitation if method == "REQUEST" else ics.cancellation
            attachments.extend(_calendar_parts(builder(registration, sequence), method))
            registration.calendar_sequence = sequence
            type(registration).objects.filter(pk=registration.pk).update(calendar_sequence=sequence)
        context = {
            "registration": registration,
            "session": session,
            "title": session.page.title,
            "zone": session.zone_abbreviation,
            "event_url": settings.SITE_BASE_URL + (session.page.url or "/"),
            "manage_url": manage_url(registration),
            "calendar_attached": bool(attachments),
            **(extra or {}),
        }
        body = render_to_string(f"agenda/email/{template}.txt", context)
        subject = subject % {"title": session.page.title}
    queue_email(registration.email, subject, body, attachments=attachments)


def registered(registration):
    if registration.status == "confirmed":
        with translation.override(registration.language):
            subject = _("Your place is confirmed: %(title)s")
        _send(registration, "confirmed", subject, method="REQUEST")
    else:
        with translation.override(registration.language):
            subject = _("You are on the waitlist: %(title)s")
        _send(registration, "waitlisted", subject)


def offered(registration):
    with translation.override(registration.language):
        subject = _("A seat is free for you: %(title)s")
    _send(registration, "offered", subject)


def confirmed_from_waitlist(registration):
    with translation.override(registration.language):
        subject = _("Your place is confirmed: %(title)s")
    _send(registration, "confirmed", subject, method="REQUEST")


def offer_expired(registration):
    with translation.override(registration.language):
        subject = _("Your seat offer has expired: %(title)s")
    _send(registration, "offer_expired", subject)


def no_seat(registration):
    """Offers stopped before the start while this person was still waiting."""
    with translation.override(registration.language):
        subject = _("No seat became free: %(title)s")
    _send(registration, "no_seat", subject)


def cancelled_by_registrant(registration, had_seats):
    with translation.override(registration.language):
        subject = _("Registration cancelled: %(title)s")
    # A CANCEL only removes what an earlier REQUEST put in the calendar.
    method = "CANCEL" if registration.calendar_sequence >= 0 else None
    _send(registration, "cancelled", subject, method=method)


def size_changed(registration):
    with translation.override(registration.language):
        subject = _("Registration changed: %(title)s")
    _send(registration, "size_changed", subject)


def reminder(registration):
    with translation.override(registration.language):
        subject = _("Reminder: %(title)s")
    _send(registration, "reminder", subject)


def organiser_message(registration, subject, body):
    _send(registration, "organiser_message", subject.replace("%", "%%"), extra={"message": body})


def session_changed(session, change, moved_from=None):
    """Tell everyone registered that the organiser changed or cancelled the session;
    ``moved_from``: the (start, end) they were last told, when the time changed."""
    active = session.registrations.filter(status__in=("confirmed", "waitlisted", "offered")).select_related(
        "session__page"
    )
    for registration in active:
        registration.session = session
        has_entry = registration.calendar_sequence >= 0 and registration.status == "confirmed"
        with translation.override(registration.language):
            if change == "cancelled":
                subject = _("Session cancelled: %(title)s")
            else:
                subject = _("Session changed: %(title)s")
        if change == "cancelled":
            _send(registration, "session_cancelled", subject, method="CANCEL" if has_entry else None)
        else:
            _send(
                registration,
                "session_changed",
                subject,
                method="REQUEST" if has_entry else None,
                extra={"moved_from": moved_from},
            )
