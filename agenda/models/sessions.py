"""A session: one sitting of an event with its own time, place, capacity and calendar entry.

Editors type the date and times as the clock on the wall shows them where the
session happens, with the session's time zone (WIB, WITA, WIT); the UTC instants
used for sorting, filtering and calendars are derived on save. A change of time,
place or status raises ``sequence``, as RFC 5545 asks, so calendar programs replace
the entry they hold. Saving tells nobody: registrants hear of a change from the
publish that makes it (agenda/session_changes.py), so scripts, bulk edits and data
loading never send email.
"""

from datetime import datetime, timedelta
from decimal import Decimal
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from agenda import conf
from agenda.choices import HOLDING_SEATS, PROVINCES, SESSION_STATUSES, TIME_ZONES, ZONE_ABBREVIATIONS
from cms.places import map_link

# Fields whose change calendar programs and registrants must hear about.
TIME_FIELDS = ("start", "end")
PLACE_FIELDS = ("online", "venue_name", "address", "region", "latitude", "longitude", "joining_link")
PUBLIC_FIELDS = TIME_FIELDS + PLACE_FIELDS[:-1] + ("status", "label", "capacity", "time_zone")
# Kept by the session itself, never taken from an editor's (or a revision's) copy.
BOOKKEEPING_FIELDS = (
    "sequence",
    "changed_at",
    "announced_sequence",
    "announced_status",
    "announced_start",
    "announced_end",
)


class SessionQuerySet(models.QuerySet):
    def public(self):
        """Sessions of live, public event pages (asked of Wagtail's pages, as the event
        page model imports this module)."""
        return self.filter(page__in=Page.objects.live().public().values("pk"))

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now())

    def with_seats_taken(self):
        return self.annotate(
            seats_taken_sum=Sum(
                "registrations__people", filter=models.Q(registrations__status__in=HOLDING_SEATS)
            )
        )


class EventSession(Orderable):
    page = ParentalKey("agenda.EventPage", on_delete=models.CASCADE, related_name="sessions")
    label = models.CharField(
        _("session name"),
        max_length=120,
        blank=True,
        help_text=_("For a series, e.g. “Part 2: documents”. Leave empty for a single session."),
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Only if it ends on a later day.")
    )
    end_time = models.TimeField(_("ends at"))
    time_zone = models.CharField(_("time zone"), max_length=20, choices=TIME_ZONES, default="Asia/Jakarta")
    online = models.BooleanField(_("online"), default=False)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    region = models.CharField(_("province"), max_length=40, choices=PROVINCES, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text=_("Optional: the map link then points at the venue; without it, it searches the address."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    venue_accessibility = models.TextField(
        _("accessibility of the venue"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Step-free entrance, lift, accessible toilet, sign language, seating, parking: what people need to know."
        ),
    )
    joining_link = models.URLField(
        _("joining link"),
        blank=True,
        help_text=_("For online sessions. Shown only to confirmed registrants."),
    )
    capacity = models.PositiveIntegerField(_("seats"), default=30)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: at the start of the session.")
    )
    status = models.CharField(_("status"), max_length=12, choices=SESSION_STATUSES, default="scheduled")

    # Derived and bookkeeping fields, never typed by editors.
    start = models.DateTimeField(editable=False, db_index=True)
    end = models.DateTimeField(editable=False, db_index=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    changed_at = models.DateTimeField(editable=False, default=timezone.now, db_index=True)
    # What the registrants were last told (agenda/session_changes.py): a sequence above
    # ``announced_sequence`` is a change they have not heard of yet.
    announced_sequence = models.PositiveIntegerField(default=0, editable=False)
    announced_status = models.CharField(
        max_length=12, choices=SESSION_STATUSES, default="scheduled", editable=False
    )
    # The time they were last told, so a change email can say what it was.
    announced_start = models.DateTimeField(null=True, editable=False)
    announced_end = models.DateTimeField(null=True, editable=False)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("label"),
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_date"), FieldPanel("end_time")]
        ),
        FieldPanel("time_zone"),
        MultiFieldPanel(
            [
                FieldPanel("online"),
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("venue_accessibility"),
                FieldPanel("joining_link"),
            ],
            heading=_("Place"),
        ),
        FieldRowPanel(
            [FieldPanel("capacity"), FieldPanel("registration_opens"), FieldPanel("registration_closes")]
        ),
        FieldPanel("status"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def map_url(self):
        """A plain OpenStreetMap link to the venue (its point, or a search for its address);
        None online or without an address."""
        if self.online:
            return None
        return map_link(
            self.latitude,
            self.longitude,
            ", ".join(p for p in (self.venue_name, self.address, self.region) if p),
        )

    def __str__(self):
        name = f"{self.page.title}: {self.label}" if self.label else self.page.title
        return f"{name} ({self.date:%Y-%m-%d})"

    # --- time ---------------------------------------------------------------

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def zone_abbreviation(self):
        return ZONE_ABBREVIATIONS.get(self.time_zone, self.time_zone)

    def local_start(self):
        return self.start.astimezone(self.zone)

    def local_end(self):
        return self.end.astimezone(self.zone)

    def derive_instants(self):
        zone = self.zone
        self.start = datetime.combine(self.date, self.start_time, tzinfo=zone)
        self.end = datetime.combine(self.end_date or self.date, self.end_time, tzinfo=zone)

    def clean(self):
        errors = {}
        if self.date and self.start_time and self.end_time:
            self.derive_instants()
            if self.end <= self.start:
                errors["end_time"] = _("The session must end after it starts.")
        if not self.online and not (self.venue_name and self.region):
            errors["venue_name"] = _("Give the venue and province, or tick “online”.")
        if self.online and not self.joining_link:
            errors["joining_link"] = _("An online session needs a joining link.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    # --- change tracking --------------------------------------------------------

    def save(self, *args, **kwargs):
        """Raise the sequence when time, place or status change; telling registrants is
        the publish's job (agenda/session_changes.py), never the save's.

        The bookkeeping is carried over from the stored row, not from this instance: a
        session published from a revision carries the values of the day the revision
        was made, and a sequence must never go back.
        """
        self.derive_instants()
        previous = type(self).objects.filter(pk=self.pk).first() if self.pk else None
        if previous is not None:
            for name in BOOKKEEPING_FIELDS:
                setattr(self, name, getattr(previous, name))
            if any(
                getattr(previous, name) != getattr(self, name)
                for name in TIME_FIELDS + PLACE_FIELDS + ("status",)
            ):
                self.sequence += 1
            if any(getattr(previous, name) != getattr(self, name) for name in PUBLIC_FIELDS + ("sequence",)):
                self.changed_at = timezone.now()
        else:  # nobody registered yet: the first time anyone hears of is this one
            self.announced_start, self.announced_end = self.start, self.end
        super().save(*args, **kwargs)

    # --- calendar identity ------------------------------------------------------

    @property
    def uid(self):
        """Stable for the life of the session, the same in feeds and emails (RFC 5545 UID)."""
        host = urlparse(settings.SITE_BASE_URL).hostname or "localhost"
        return f"session-{self.pk}@{host}"

    # --- seats ------------------------------------------------------------------

    def seats_taken(self):
        if hasattr(self, "seats_taken_sum"):
            return self.seats_taken_sum or 0
        return (
            self.registrations.filter(status__in=HOLDING_SEATS).aggregate(total=Sum("people"))["total"] or 0
        )

    def seats_left(self):
        return max(self.capacity - self.seats_taken(), 0)

    def is_full(self):
        """No seat left (offered seats are held too): registering now means the waitlist."""
        return self.seats_left() == 0

    def offer_cutoff(self):
        """The last moment a freed seat is offered to the waitlist: ``OFFER_CUTOFF_HOURS``
        before the start, so nobody is offered a seat they can no longer use."""
        return self.start - timedelta(hours=conf.get("OFFER_CUTOFF_HOURS"))

    def offers_open(self, now=None):
        """Whether freed seats go to the waitlist now: a scheduled session before its cut-off
        (a postponed one waits for its new date, a cancelled one offers nothing)."""
        return self.status == "scheduled" and (now or timezone.now()) < self.offer_cutoff()

    def registration_state(self, now=None):
        """Why registration is or is not possible now: 'open', 'not_yet', 'closed', 'cancelled', 'postponed'."""
        now = now or timezone.now()
        if self.status != "scheduled":
            return self.status
        if self.registration_opens and now < self.registration_opens:
            return "not_yet"
        if now >= (self.registration_closes or self.start):
            return "closed"
        return "open"
