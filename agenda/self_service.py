"""Registrants helping themselves without their link: "email me my link again".

The answer never tells whether an address is registered: the page says the same and the
rate limits count the same either way; only the inbox of the address learns it. The
links go to that address alone, so asking for someone else's reveals nothing to the asker.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agenda.models.registrations import ACTIVE, Registration
from agenda.templatetags.agenda_tags import session_when
from core.emails import queue_email


def registrations_of(address, now=None):
    """The registrations of an address that a link can still change: active, for sessions
    still to come."""
    return (
        Registration.objects.filter(
            email__iexact=address, status__in=ACTIVE, session__end__gt=now or timezone.now()
        )
        .select_related("session__page")
        .order_by("session__start", "pk")
    )


def resend_links(address, language, now=None):
    """Email ``address`` the links of its registrations in ``language`` (the page's); send
    nothing when there are none. Returns how many links were sent (for tests, never shown)."""
    registrations = list(registrations_of(address, now))
    if not registrations:
        return 0
    with translation.override(language):
        items = [
            {
                "title": registration.session.page.title,
                "label": registration.session.label,
                "when": session_when(registration.session),
                "url": settings.SITE_BASE_URL
                + reverse("agenda:registration", kwargs={"token": registration.token}),
            }
            for registration in registrations
        ]
        body = render_to_string("agenda/email/links.txt", {"items": items, "name": registrations[0].name})
        subject = _("Your registration links")
    queue_email(registrations[0].email, subject, body)
    return len(items)
