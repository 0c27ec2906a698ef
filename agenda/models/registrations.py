"""A person's or a community group's place at a session (or in its waitlist).

Private data: names, contacts and needs are shown only to organisers with the
``agenda.view_registration`` permission and to the registrant through their
signed link. They never reach feeds, search, public pages or logs.

The registrant's link (core/signed_links.py) opens their own page, not an action: it never
expires and can be opened any number of times; it is bound to the registration's ``secret``,
so replacing the secret revokes every link sent. The page's actions are CSRF-protected
POSTs that do nothing when repeated (a second cancel or accept finds nothing to change).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.choices import REGISTRATION_KINDS, REGISTRATION_STATUSES
from core.signed_links import SignedLink

ACTIVE = ("confirmed", "waitlisted", "offered")
MANAGE_LINK = SignedLink("agenda.registration", state=lambda registration: registration.secret)


def new_secret():
    return secrets.token_urlsafe(12)


class Registration(models.Model):
    session = models.ForeignKey(
        "agenda.EventSession",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("session"),
    )
    kind = models.CharField(_("registering"), max_length=12, choices=REGISTRATION_KINDS, default="individual")
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    people = models.PositiveIntegerField(_("number of people"), default=1)
    language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="id"
    )
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True, max_length=1000)
    consent = models.BooleanField(_("consent to store these details"), default=False)

    status = models.CharField(_("status"), max_length=12, choices=REGISTRATION_STATUSES)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # When names and contacts were removed (agenda/retention.py); the counts stay.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The highest SEQUENCE this registrant's calendar has received from us: each
    # later email about the session must carry a higher one.
    calendar_sequence = models.IntegerField(default=-1)
    # Part of the self-service link; replacing it revokes old links.
    secret = models.CharField(max_length=32, default=new_secret, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            # One registration per email per session (a cancelled one may register again).
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=models.Q(status__in=ACTIVE),
                name="one_active_per_email",
            ),
            models.CheckConstraint(condition=models.Q(people__gte=1), name="at_least_one_person"),
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self):
        return f"registration {self.pk} ({self.get_status_display()})"

    @property
    def token(self):
        return MANAGE_LINK.make(self.pk, self)

    @classmethod
    def from_token(cls, token):
        """The registration a link belongs to; LinkError when it is tampered with or revoked."""
        return MANAGE_LINK.open(
            token, lambda pk: cls.objects.select_related("session__page").filter(pk=pk).first()
        )

    @property
    def calendar_uid(self):
        """The UID of this registrant's calendar entry (agenda/ics.py): their own, not the
        session's, so registering again after a cancellation is a new entry that no calendar
        mistakes for the cancelled one."""
        session_uid = self.session.uid
        return session_uid.replace("@", f"-registration-{self.pk}@", 1)

    def next_calendar_sequence(self):
        """A SEQUENCE for an email about this session that is higher than any we sent."""
        return max(self.session.sequence, self.calendar_sequence + 1)

    # --- what the registrant may see and do (the page, the emails and the services ask here) ---

    def may_see_joining_link(self):
        """Only a confirmed place at a scheduled online session shows the joining link: a
        waitlisted person would take a seat they do not have, and a postponed or cancelled
        session's link may be reused for something else."""
        session = self.session
        return (
            self.status == "confirmed"
            and session.status == "scheduled"
            and session.online
            and bool(session.joining_link)
        )

    def may_change(self, now=None):
        """An active registration can be changed or cancelled until its session ends,
        unless the organisers cancelled the session."""
        session = self.session
        return (
            self.status in ACTIVE and session.status != "cancelled" and session.end > (now or timezone.now())
        )

    def may_take_back(self, now=None):
        """A cancelled registration may be taken back (agenda/registration.py, ``take_back``)
        while its session takes registrations and has enough free seats for it, and its
        address holds no other registration there."""
        session = self.session
        return (
            self.status == "cancelled"
            and self.anonymised_at is None
            and session.registration_state(now) == "open"
            and session.seats_left() >= self.people
            and not type(self)
            .objects.filter(session_id=self.session_id, email=self.email, status__in=ACTIVE)
            .exists()
        )

    def may_change_size(self, now=None):
        """Only a group chooses its number of people; one person is one seat."""
        return self.kind == "group" and self.may_change(now)

    def waitlist_position(self):
        """1 for the first person waiting, counted in the order offers are made; None
        when not on the waitlist."""
        if self.status != "waitlisted":
            return None
        ahead = (
            type(self)
            .objects.filter(session_id=self.session_id, status="waitlisted")
            .filter(
                models.Q(created_at__lt=self.created_at)
                | models.Q(created_at=self.created_at, pk__lt=self.pk)
            )
        )
        return ahead.count() + 1

    def may_check_in(self):
        """Only someone holding a confirmed seat is checked in."""
        return self.status == "confirmed"
