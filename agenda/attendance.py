"""Who attended: the confirmed registrations of sessions held (scheduled, on a public event
page) that ended in a window.

Other apps ask through the ``sinergi_event_attendees`` Wagtail hook (agenda/wagtail_hooks.py)
rather than importing the events app: the evaluation app surveys these people after a
session and counts their answers on its dashboard.
"""

from agenda.models import EventSession, Registration


def attendees(since, until):
    """Registrations of people who attended a session that ended in [since, until); ``since``
    None means from the beginning."""
    registrations = Registration.objects.filter(
        status="confirmed",
        session__status="scheduled",
        session__in=EventSession.objects.public(),
        session__end__lt=until,
    )
    if since is not None:
        registrations = registrations.filter(session__end__gte=since)
    return registrations.select_related("session__page")
