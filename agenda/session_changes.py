"""Telling registrants that the organisers changed or cancelled a session.

Editors change sessions in the event page's editor; a change reaches the sessions
table when the page is published, from the admin or at its scheduled time, and
Wagtail then sends ``page_published``, which calls ``announce_published``.
``EventSession.save()`` only raises the session's sequence: scripts, bulk edits,
data migrations and demo loading send nothing. A script that wants registrants to
hear of its change calls ``announce_changes``; otherwise the next publish of the
page tells them. A publish also offers the waitlist any seats it freed (a raised
capacity).

Each session remembers what its registrants were last told (``announced_sequence``,
``announced_status``, and the time: ``announced_start``, ``announced_end``, so the email
about a moved session says the old time beside the new). A session whose sequence is above that has news; it is
claimed under the session's row lock before its emails are queued in the same
transaction, so a publish retried or run twice at once tells each registrant once.
"""

from django.db import transaction
from django.db.models import F

from agenda import notifications
from agenda.models import EventSession
from agenda.registration import offer_free_seats


def announce_changes(session):
    """Tell the session's registrants what changed since they were last told.

    Returns "cancelled" or "updated" for what was announced, None when there was no news.
    """
    with transaction.atomic():
        session = EventSession.objects.select_for_update().select_related("page").get(pk=session.pk)
        if session.sequence <= session.announced_sequence:
            return None
        newly_cancelled = session.status == "cancelled" and session.announced_status != "cancelled"
        change = "cancelled" if newly_cancelled else "updated"
        told = (session.announced_start, session.announced_end)
        moved_from = told if None not in told and told != (session.start, session.end) else None
        EventSession.objects.filter(pk=session.pk).update(
            announced_sequence=session.sequence,
            announced_status=session.status,
            announced_start=session.start,
            announced_end=session.end,
        )
        notifications.session_changed(session, change, moved_from=moved_from)
    return change


def announce_published(sender, instance, **kwargs):
    """``page_published`` receiver (for event pages): announce their changed sessions, then
    offer the waitlist the seats a raised capacity (or a session scheduled again) freed,
    in the publish's transaction under each session's lock."""
    changed = EventSession.objects.filter(page_id=instance.pk, sequence__gt=F("announced_sequence"))
    for session in changed:
        announce_changes(session)
    for session_id in EventSession.objects.filter(page_id=instance.pk).values_list("pk", flat=True):
        offer_free_seats(session_id)
