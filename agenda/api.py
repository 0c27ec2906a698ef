"""Events in the public API (/api/v1/events/): one item per session, public fields only.

A session is what people attend and put in their calendars, so the API lists
sessions, each with its event. The joining link of an online session, seat holders
and registrations never leave through here.
"""

import django_filters
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agenda.choices import KINDS, PROVINCES, SESSION_STATUSES, TIME_ZONES
from agenda.models import EventSession
from cms.api.base import BooleanFilter, DateTimeFilter, IdFilter, PublicReadOnlyViewSet, cached
from cms.api.pages import PageItemSerializer, TopicRefSerializer, absolute
from cms.models import Audience

REGISTRATION_STATES = ["open", "not_yet", "closed", "cancelled", "postponed"]


class EventSerializer(PageItemSerializer):
    summary = serializers.CharField()
    kind = serializers.ChoiceField(choices=KINDS)
    languages_spoken = serializers.ListField(source="languages", child=serializers.CharField())
    topics = serializers.SerializerMethodField()
    audiences = serializers.SerializerMethodField()
    calendar_file = serializers.SerializerMethodField(help_text="iCalendar file of all the event's sessions.")

    @extend_schema_field(TopicRefSerializer(many=True))
    def get_topics(self, page):
        return [{"slug": topic.slug, "title": topic.title} for topic in page.topics.all()]

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Audience.CHOICES)))
    def get_audiences(self, page):
        return [audience.code for audience in page.audiences.all()]

    @extend_schema_field(serializers.URLField())
    def get_calendar_file(self, page):
        return absolute(reverse("agenda:event_ics", kwargs={"slug": page.slug}))


class SessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField(help_text="Name of the session within a series; may be empty.")
    start = serializers.DateTimeField(help_text="With the UTC offset of the session's time zone.")
    end = serializers.DateTimeField()
    time_zone = serializers.ChoiceField(choices=TIME_ZONES)
    status = serializers.ChoiceField(choices=SESSION_STATUSES)
    online = serializers.BooleanField()
    venue_name = serializers.CharField()
    address = serializers.CharField()
    region = serializers.CharField(help_text="Province; empty for online sessions.")
    capacity = serializers.IntegerField()
    seats_left = serializers.SerializerMethodField()
    registration = serializers.SerializerMethodField(
        help_text="Whether one can register now, and if not why."
    )
    calendar_uid = serializers.CharField(
        source="uid", help_text="The UID calendar files use for this session."
    )
    event = EventSerializer(source="page")

    def to_representation(self, session):
        data = super().to_representation(session)
        zone = session.zone
        data["start"] = session.start.astimezone(zone).isoformat()
        data["end"] = session.end.astimezone(zone).isoformat()
        return data

    def get_seats_left(self, session) -> int:
        return session.seats_left()

    @extend_schema_field(serializers.ChoiceField(choices=REGISTRATION_STATES))
    def get_registration(self, session):
        return session.registration_state()


class SessionFilter(django_filters.FilterSet):
    starts_after = DateTimeFilter(
        field_name="start", lookup_expr="gte", help_text="Sessions starting at or after this moment."
    )
    starts_before = DateTimeFilter(
        field_name="start", lookup_expr="lt", help_text="Sessions starting before this moment."
    )
    upcoming = BooleanFilter(
        method="filter_upcoming", help_text="true: sessions not yet over; false: past ones."
    )
    region = django_filters.ChoiceFilter(choices=PROVINCES, help_text="Province.")
    online = BooleanFilter(help_text="true: sessions held online; false: in person.")
    kind = django_filters.ChoiceFilter(field_name="page__kind", choices=KINDS)
    topic = django_filters.CharFilter(field_name="page__topics__slug", help_text="Slug of a topic.")
    event = IdFilter(field_name="page_id", help_text="id of an event.")

    class Meta:
        model = EventSession
        fields = []

    def filter_upcoming(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.upcoming() if value else queryset.past()


@cached
class EventSessionViewSet(PublicReadOnlyViewSet):
    """Sessions of published events, soonest first."""

    serializer_class = SessionSerializer
    filterset_class = SessionFilter

    model = EventSession

    def items(self):
        return (
            EventSession.objects.public()
            .with_seats_taken()
            .select_related("page")
            .prefetch_related("page__topics", "page__audiences")
            .order_by("start", "pk")
        )
