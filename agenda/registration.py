"""The rules of seats: register, wait, get an offer, accept, change, cancel, check in.

Every change that counts seats runs inside one transaction that first locks the
session row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite takes its write lock
at the start of the transaction, see config/settings.py). So two people pressing the
button at the same moment are counted one after the other and the capacity is
never exceeded. Emails are queued in the same transaction and sent after commit
(core/emails.py), so a registration and its confirmation stand or fall together.

The waitlist is a fair queue. Every change that frees seats or changes the queue
(a cancellation, a smaller group, an expired offer, a raised capacity published by
an editor) ends with ``promote`` in the same locked transaction, so the seats are
offered in queue order as the change commits and no newcomer can take them first.
Offers are made only while they can be used: until ``OFFER_CUTOFF_HOURS`` before
the start, with a deadline at the cut-off at the latest. At the cut-off the people
still waiting are told that no seat became free (``close_waitlists``).
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda import conf, notifications
from agenda.models.registrations import ACTIVE, Registration
from agenda.models.sessions import EventSession


class RegistrationError(Exception):
    """A reason a request about seats cannot be done, in words for the reader."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


CLOSED_MESSAGES = {
    "not_yet": _("Registration for this session has not opened yet."),
    "closed": _("Registration for this session has closed."),
    "cancelled": _("This session has been cancelled."),
    "postponed": _("This session has been postponed. Registration will open again with the new date."),
}


TAKEN = _("The seats are no longer free. You can register again to join the waitlist.")


def _locked_session(session_id):
    return EventSession.objects.select_for_update().select_related("page").get(pk=session_id)


def not_enough_seats(left):
    return ngettext(
        "Only %(left)s seat is left. Register fewer people, or choose to join the waitlist.",
        "Only %(left)s seats are left. Register fewer people, or choose to join the waitlist.",
        left,
    ) % {"left": left}


def too_large(capacity):
    return ngettext(
        "This session has %(capacity)s seat in all. For a larger group, please contact the organisers.",
        "This session has %(capacity)s seats in all. For a larger group, please contact the organisers.",
        capacity,
    ) % {"capacity": capacity}


class NotEnoughSeats(RegistrationError):
    """A group larger than the seats left: the reader is told how many are left and may
    choose the waitlist explicitly (``join_waitlist_if_short``)."""

    def __init__(self, left):
        super().__init__(not_enough_seats(left), field="people")
        self.left = left


def register(session_id, details, *, join_waitlist=True, join_waitlist_if_short=False, now=None):
    """Create a confirmed or waitlisted registration; raises RegistrationError.

    ``join_waitlist``: the registrant accepts the waitlist when the session is full.
    ``join_waitlist_if_short``: a group larger than the seats left chose, knowing how many
    are left, to wait for seats for all its people (otherwise NotEnoughSeats).
    """
    now = now or timezone.now()
    email = details["email"].strip().lower()
    people = details.get("people") or 1
    try:
        with transaction.atomic():
            session = _locked_session(session_id)
            state = session.registration_state(now)
            if state != "open":
                raise RegistrationError(CLOSED_MESSAGES[state])
            if session.registrations.filter(email=email, status__in=ACTIVE).exists():
                raise RegistrationError(
                    _(
                        "This email address is already registered for this session. Use the link in your email to change it."
                    ),
                    field="email",
                )
            if people > session.capacity:
                raise RegistrationError(too_large(session.capacity), field="people")
            status = _place_for(session, people, join_waitlist, join_waitlist_if_short, now)
            # Someone who cancelled and registers again must get a higher SEQUENCE than the
            # cancellation their calendar already holds.
            earlier = session.registrations.filter(email=email).aggregate(top=Max("calendar_sequence"))["top"]
            registration = Registration.objects.create(
                session=session,
                status=status,
                calendar_sequence=earlier if earlier is not None else -1,
                **{**details, "email": email, "people": people},
            )
            notifications.registered(registration)
    except IntegrityError:  # the same email in a parallel request that committed first
        raise RegistrationError(
            _(
                "This email address is already registered for this session. Use the link in your email to change it."
            ),
            field="email",
        ) from None
    return registration


def _place_for(session, people, join_waitlist, join_waitlist_if_short, now):
    """Where a newcomer goes: a seat if it fits (the queue never has a fitting request
    waiting while offers are open, see ``promote``), else the waitlist if they chose it
    and offers are still made before the start."""
    left = session.seats_left()
    if people <= left:
        return "confirmed"
    if not session.offers_open(now):
        raise RegistrationError(
            _("Not enough seats are left, and no more seats are offered to the waitlist before the session.")
        )
    if left == 0:
        if not join_waitlist:
            raise RegistrationError(
                _("The session is full. To wait for a seat, tick “put us on the waitlist”."),
                field="join_waitlist",
            )
        return "waitlisted"
    if not join_waitlist_if_short:
        raise NotEnoughSeats(left)
    return "waitlisted"


def promote(session, now=None):
    """Offer freed seats to the waitlist in queue order (registration time); a group that
    does not fit is skipped and keeps its place while smaller requests behind it are
    offered what is free. Runs under the session's lock. Nothing is offered once offers
    have stopped (``EventSession.offers_open``); an offer holds until ``OFFER_HOURS``
    from now or the cut-off, whichever comes first, so its deadline is never past."""
    now = now or timezone.now()
    if not session.offers_open(now):
        return []
    left = session.seats_left()
    expires = min(now + timedelta(hours=conf.get("OFFER_HOURS")), session.offer_cutoff())
    offered = []
    for waiting in session.registrations.filter(status="waitlisted").order_by("created_at", "id"):
        if left <= 0:
            break
        if waiting.people <= left:
            waiting.status = "offered"
            waiting.offer_expires_at = expires
            waiting.save(update_fields=["status", "offer_expires_at", "updated_at"])
            left -= waiting.people
            notifications.offered(waiting)
            offered.append(waiting)
    return offered


def offer_free_seats(session_id, now=None):
    """Lock the session and offer what is free: for changes made elsewhere (a capacity
    raised in the page editor, see session_changes.announce_published)."""
    with transaction.atomic():
        return promote(_locked_session(session_id), now)


def close_waitlists(now=None):
    """Tell the people still waiting for sessions whose offers have stopped that no seat
    became free; each is told once (the status changes under the session's lock with the
    queued email). Returns how many were told."""
    now = now or timezone.now()
    told = 0
    waiting = EventSession.objects.filter(
        status="scheduled",
        start__lte=now + timedelta(hours=conf.get("OFFER_CUTOFF_HOURS")),
        registrations__status="waitlisted",
    ).values_list("pk", flat=True)
    for session_id in set(waiting):
        with transaction.atomic():
            session = _locked_session(session_id)
            if session.offers_open(now):
                continue
            for registration in session.registrations.filter(status="waitlisted"):
                registration.session = session
                registration.status = "no_seat"
                registration.save(update_fields=["status", "updated_at"])
                notifications.no_seat(registration)
                told += 1
    return told


def _reload_locked(registration):
    session = _locked_session(registration.session_id)
    registration = Registration.objects.select_related("session__page").get(pk=registration.pk)
    registration.session = session
    return registration


def cancel(registration, now=None):
    """Cancel (by the registrant); the seats go to the waitlist at once."""
    with transaction.atomic():
        registration = _reload_locked(registration)
        if registration.status not in ACTIVE:
            return registration
        held_seats = registration.status in ("confirmed", "offered")
        registration.status = "cancelled"
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        notifications.cancelled_by_registrant(registration, had_seats=held_seats)
        promote(registration.session, now)
    return registration


# What a registration taken back after a cancellation copies (``take_back``).
DETAILS = (
    "kind",
    "name",
    "organisation",
    "people",
    "email",
    "phone",
    "language",
    "accessibility_needs",
    "consent",
)


def take_back(registration, now=None):
    """Undo a cancellation while enough seats are free: a new confirmed registration with the
    same details, registered like any newcomer (so nobody waiting is passed over, see
    ``_place_for``) and never onto the waitlist. It is a new registration, with its own link
    and calendar entry, because the cancelled one's entry was cancelled in the person's
    calendar (agenda/ics.py); the cancelled one stays as it was, for the organisers' counts."""
    if not registration.may_take_back(now):
        raise RegistrationError(TAKEN)
    try:
        return register(
            registration.session_id,
            {name: getattr(registration, name) for name in DETAILS},
            join_waitlist=False,
            now=now,
        )
    except NotEnoughSeats:
        raise RegistrationError(TAKEN) from None
    except RegistrationError as error:
        if error.field == "join_waitlist":  # full in the meantime
            raise RegistrationError(TAKEN) from None
        raise


def change_size(registration, people, now=None):
    """Change the number of people in a group; more people need seats to be free."""
    if people < 1:
        raise RegistrationError(_("A registration is for at least one person."), field="people")
    with transaction.atomic():
        registration = _reload_locked(registration)
        if registration.status not in ACTIVE:
            raise RegistrationError(_("This registration has been cancelled."))
        if not registration.may_change_size(now):
            raise RegistrationError(
                _("Only a group can change its number of people, and only until the session."), field="people"
            )
        if people == registration.people:
            return registration  # nothing changes, nobody is told
        if people > registration.session.capacity:
            raise RegistrationError(too_large(registration.session.capacity), field="people")
        extra = people - registration.people
        if registration.status in ("confirmed", "offered") and extra > 0:
            left = registration.session.seats_left()
            if extra > left:
                raise RegistrationError(
                    ngettext(
                        "Only %(left)s more seat is free.",
                        "Only %(left)s more seats are free.",
                        left,
                    )
                    % {"left": left},
                    field="people",
                )
        registration.people = people
        registration.save(update_fields=["people", "updated_at"])
        notifications.size_changed(registration)
        promote(registration.session, now)  # seats freed, or a waitlisted group now fits
    return registration


def accept_offer(registration, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        registration = _reload_locked(registration)
        if registration.status == "confirmed":
            return registration
        if registration.status != "offered":
            raise RegistrationError(_("There is no seat offer waiting for this registration."))
        expired = registration.offer_expires_at <= now
        if expired:
            _expire(registration, now)
        else:
            registration.status = "confirmed"
            registration.offer_expires_at = None
            registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
            notifications.confirmed_from_waitlist(registration)
    if expired:  # raised after the commit, so the expiry and the next offer are kept
        raise RegistrationError(_("This offer has expired and the seat went to the next person waiting."))
    return registration


def _expire(registration, now):
    registration.status = "expired"
    registration.save(update_fields=["status", "updated_at"])
    notifications.offer_expired(registration)
    promote(registration.session, now)


def expire_offers(now=None):
    """Expire offers not taken up in time and pass the seats on; returns how many expired."""
    now = now or timezone.now()
    expired = 0
    due = Registration.objects.filter(status="offered", offer_expires_at__lte=now).values_list(
        "pk", "session_id"
    )
    for pk, session_id in due:
        with transaction.atomic():
            registration = _reload_locked(Registration(pk=pk, session_id=session_id))
            if registration.status == "offered" and registration.offer_expires_at <= now:
                _expire(registration, now)
                expired += 1
    return expired


def check_in(registration, now=None):
    """Mark as arrived; pressing twice (or a retried request) changes nothing."""
    Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
        checked_in_at=now or timezone.now()
    )
    return Registration.objects.get(pk=registration.pk)
