"""The office finder: immigration offices, where they are, when they open, what they do.

Offices are editorial pages (``OfficeIndexPage`` -> ``OfficePage``) so editors manage
them like any other content, translated, with revisions. Provinces and services are
fixed lists whose labels come from the interface catalogue, so a reader always sees
them in their language and the finder's filters can refuse a value it does not know.

A province belongs to one time zone (WIB, WITA or WIT), so an office's zone follows
from its province: hours are typed in local time and shown with that abbreviation.
"""

from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_time
from django import forms
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from cms.places import PROVINCE_CHOICES, PROVINCE_ZONES, SERVICES, TIME_ZONES, WIB, map_link
from core.cache import kept_for
from core.lists import joined

from .pages import SectionPage, SinergiPage

FINDER_URL_SECONDS = 3600  # a safety net: any page change empties the cache sooner

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def weekday_choices():
    """Monday (0) to Sunday (6), named by Django's own translated catalogue."""
    return list(WEEKDAYS.items())


def locale_time(value):
    """A time of day as the reader's language writes it (08.00, 8:00 AM, 08:00)."""
    return format_time(value, "short", locale=translation.to_locale(translation.get_language() or "id"))


class OfficeIndexPage(SectionPage):
    """The office finder: every office, filtered by province and by service."""

    subpage_types = ["cms.OfficePage"]

    class Meta:
        verbose_name = _("office finder")

    def offices(self):
        return OfficePage.objects.child_of(self).live().public().order_by("title").prefetch_related("hours")

    def filtered(self, params):
        """The offices matching ``province`` and ``service``, the values chosen, and the
        problems with the query: an unknown value is reported, never an empty list."""
        offices = list(self.offices())
        chosen, errors = {}, []
        province = params.get("province", "")
        if province:
            if province in PROVINCE_ZONES:
                chosen["province"] = province
                offices = [office for office in offices if office.province == province]
            else:
                errors.append(
                    _("There is no province “%(value)s”. Choose one from the list.") % {"value": province}
                )
        service = params.get("service", "")
        if service:
            if service in dict(SERVICES):
                chosen["service"] = service
                offices = [office for office in offices if service in office.services]
            else:
                errors.append(
                    _("There is no service “%(value)s”. Choose one from the list.") % {"value": service}
                )
        return offices, chosen, errors

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        offices, chosen, errors = self.filtered(request.GET)
        context.update(
            offices=[] if errors else offices,
            chosen=chosen,
            filter_errors=errors,
            provinces=PROVINCE_CHOICES,
            services=SERVICES,
        )
        return context

    def serve(self, request, *args, **kwargs):
        """An unknown filter value is the reader's mistake: 400, with the form and the message."""
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("filter_errors"):
            response.status_code = 400
        return response

    @classmethod
    def finder_url(cls, service=""):
        """The live finder's address in the reader's language, narrowed to a service; None
        when the site has no finder (guides and the complaint form then show no link).

        Every page's footer links to it, so the address is kept in the "pages" cache, which
        every publish, unpublish, move and withdrawal empties (core/page_cache.py)."""
        key = f"office-finder-url:{translation.get_language()}"
        url = caches["pages"].get(key)
        if url is None:
            finder = cls.objects.live().public().first()
            url = finder.get_url() if finder is not None else ""
            caches["pages"].set(key, url, kept_for(FINDER_URL_SECONDS))
        if not url:
            return None
        return f"{url}?service={service}" if service else url


class OfficePageForm(WagtailAdminPageForm):
    """Services as checkboxes: a JSON field's own form field would read the ticked list as
    JSON text and refuse it."""

    services = forms.MultipleChoiceField(
        label=_("services"), choices=SERVICES, widget=forms.CheckboxSelectMultiple, required=False
    )


class OfficePage(SinergiPage):
    """One immigration office. Only the name and address are required: whatever else
    is missing (hours, coordinates, phone) is left off the page, not shown empty."""

    city = models.CharField(_("city"), max_length=100)
    province = models.CharField(_("province"), max_length=40, choices=PROVINCE_CHOICES)
    address = models.TextField(_("address"))
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    services = models.JSONField(_("services"), default=list, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    directions = models.TextField(_("how to get there"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("For example: closed on public holidays, queue numbers.")
    )

    translation_fields = (
        "title",
        "search_description",
        "city",
        "address",
        "directions",
        "accessibility",
        "notes",
    )
    translation_required_fields = ("title", "address")
    parent_page_types = ["cms.OfficeIndexPage"]
    subpage_types = []
    base_form_class = OfficePageForm

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("postal_code")]),
                FieldPanel("province"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("directions"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("services"),
        InlinePanel("hours", label=_("Opening hours"), heading=_("Opening hours")),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        FieldPanel("accessibility"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("immigration office")

    def clean(self):
        super().clean()
        unknown = [code for code in self.services if code not in dict(SERVICES)]
        if unknown:
            raise ValidationError(
                {"services": _("Unknown services: %(codes)s") % {"codes": ", ".join(unknown)}}
            )
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})

    # --- what the pages show -----------------------------------------------------------

    @property
    def zone(self):
        """WIB, WITA or WIT, from the province."""
        return PROVINCE_ZONES.get(self.province, WIB)

    @property
    def zone_name(self):
        return TIME_ZONES[self.zone][1]

    @property
    def zone_offset(self):
        return TIME_ZONES[self.zone][2]

    def province_label(self):
        return self.get_province_display()

    def service_labels(self):
        names = dict(SERVICES)
        return [names[code] for code in self.services if code in names]

    def place(self):
        """City and province, as the finder lists them."""
        return joined([self.city, self.province_label()])

    def services_text(self):
        return joined(self.service_labels())

    def opening_rows(self):
        """The typed rows in order (prefetched by the finder)."""
        return list(self.hours.all())

    def hours_today(self, now=None):
        """Today's rows in the office's own time zone: a list (empty: closed today), or
        None when the office has no hours at all (the finder then says nothing)."""
        rows = self.opening_rows()
        if not rows:
            return None
        local = timezone.localtime(now or timezone.now(), ZoneInfo(TIME_ZONES[self.zone][0]))
        return [row for row in rows if row.first_day <= local.weekday() <= row.last_day]

    def has_map(self):
        return self.latitude is not None and self.longitude is not None

    def map_url(self):
        """A plain link to OpenStreetMap (no script or tiles on our pages), or None."""
        return map_link(self.latitude, self.longitude) if self.has_map() else None

    def phone_link(self):
        """tel: address: the number without spaces, dashes or brackets."""
        return "tel:" + "".join(char for char in self.phone if char.isdigit() or char == "+")

    def structured_data(self, url):
        """schema.org ``GovernmentOffice`` for search engines; parts the office lacks are left out.
        Hours are local times of the office's zone, as schema.org's ``opens`` expects."""
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOffice",
            "name": self.title,
            "url": url,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "addressLocality": self.city,
                "addressRegion": str(self.province_label()),
                "addressCountry": "ID",
            },
        }
        if self.postal_code:
            data["address"]["postalCode"] = self.postal_code
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if self.has_map():
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        rows = self.opening_rows()
        if rows:
            data["openingHoursSpecification"] = [row.structured_data() for row in rows]
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request.build_absolute_uri(self.get_url(request)))
        return context


class OfficeHours(Orderable):
    """Opening hours on a run of days, e.g. Monday to Friday 08:00-16:00 (local time)."""

    page = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="hours")
    first_day = models.PositiveSmallIntegerField(_("from"), choices=weekday_choices())
    last_day = models.PositiveSmallIntegerField(_("to"), choices=weekday_choices())
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        super().clean()
        if self.first_day is not None and self.last_day is not None and self.last_day < self.first_day:
            raise ValidationError({"last_day": _("The last day comes before the first.")})
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("The office must close after it opens.")})

    def days_label(self):
        """ "Monday–Friday", or "Saturday" for one day, in the reader's language."""
        if self.first_day == self.last_day:
            return str(WEEKDAYS[self.first_day])
        return f"{WEEKDAYS[self.first_day]}–{WEEKDAYS[self.last_day]}"

    def opens_label(self):
        return locale_time(self.opens)

    def closes_label(self):
        return locale_time(self.closes)

    def local_time(self, value):
        """RFC 3339 time with the office's offset, e.g. 08:00:00+08:00 (for the API)."""
        return f"{value:%H:%M:%S}{self.page.zone_offset}"

    def structured_data(self):
        return {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [
                f"https://schema.org/{SCHEMA_DAYS[day]}" for day in range(self.first_day, self.last_day + 1)
            ],
            "opens": self.opens.strftime("%H:%M:%S"),
            "closes": self.closes.strftime("%H:%M:%S"),
        }
