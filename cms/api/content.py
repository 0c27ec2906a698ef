"""The core's endpoints: guides, regulations (filterable by the date in force) and offices."""

import django_filters
from django.db.models import Case, Exists, OuterRef, Value, When
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from cms.api.base import DateTimeFilter, PublicReadOnlyViewSet, cached
from cms.api.pages import ChangeNoteSerializer, PageItemSerializer, TopicRefSerializer
from cms.models import Audience, GuidePage, OfficePage, RegulationPage, SmartAnswerPage, TopicPage
from cms.models.regulations import (
    AMENDED,
    IN_FORCE,
    REVOKED,
    STATUS_CHOICES,
    TYPE_CHOICES,
    RegulationRelation,
)
from cms.places import PROVINCE_CHOICES, SERVICES

# --- guides -----------------------------------------------------------------------


def parent_path(page):
    return page.path[: -page.steplen]


class GuideSerializer(PageItemSerializer):
    summary = serializers.CharField()
    topic = serializers.SerializerMethodField()
    audiences = serializers.SerializerMethodField()

    @extend_schema_field(TopicRefSerializer)
    def get_topic(self, page):
        topic = self.topics_by_path(page)[parent_path(page)]
        return {"slug": topic.slug, "title": topic.title}

    def topics_by_path(self, page):
        """The topics (parent pages) of every guide being listed, fetched in one query
        on the first call rather than one ``get_parent()`` per guide."""
        if not hasattr(self, "_topics"):
            listed = self.parent.instance if isinstance(self.parent, serializers.ListSerializer) else [page]
            paths = {parent_path(guide) for guide in listed}
            self._topics = {topic.path: topic for topic in Page.objects.filter(path__in=paths)}
        return self._topics

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=Audience.CHOICES)))
    def get_audiences(self, page):
        return [audience.code for audience in page.audiences.all()]


class GuideDetailSerializer(GuideSerializer):
    body_html = serializers.SerializerMethodField(help_text="The guide's body as HTML, as the page shows it.")
    change_notes = serializers.SerializerMethodField()

    def get_body_html(self, page) -> str:
        return str(page.body)

    @extend_schema_field(ChangeNoteSerializer(many=True))
    def get_change_notes(self, page):
        return ChangeNoteSerializer(page.sorted_change_notes, many=True).data


class GuideFilter(django_filters.FilterSet):
    topic = django_filters.CharFilter(method="filter_topic", help_text="Slug of a topic.")
    audience = django_filters.ChoiceFilter(
        field_name="audiences__code", choices=Audience.CHOICES, help_text="Only guides for this audience."
    )
    updated_since = DateTimeFilter(
        field_name="last_published_at", lookup_expr="gte", help_text="Published or republished since."
    )

    class Meta:
        model = GuidePage
        fields = []

    def filter_topic(self, queryset, name, value):
        topic = TopicPage.objects.live().filter(slug=value).first()
        return queryset.child_of(topic) if topic else queryset.none()


@cached
class GuideViewSet(PublicReadOnlyViewSet):
    """Published guides, in the page tree's order."""

    filterset_class = GuideFilter

    model = GuidePage

    def items(self):
        return (
            GuidePage.objects.live()
            .public()
            .order_by("path")
            .prefetch_related("audiences", "change_notes")
            .distinct()
        )

    def get_serializer_class(self):
        return GuideDetailSerializer if self.action == "retrieve" else GuideSerializer


# --- regulations --------------------------------------------------------------------


def changed_by(kind, **conditions):
    """An expression: a live regulation changes this one in the way ``kind`` says."""
    return Exists(
        RegulationRelation.objects.filter(target=OuterRef("pk"), kind=kind, page__live=True, **conditions)
    )


def revoked_on(day):
    """An expression: a live regulation in force on ``day`` revokes this one."""
    return changed_by(RegulationRelation.REVOKES, page__in_force_from__lte=day)


class RegulationSerializer(PageItemSerializer):
    citation = serializers.CharField(help_text='Short form, e.g. "Law 6/2011".')
    regulation_type = serializers.ChoiceField(choices=TYPE_CHOICES)
    number = serializers.CharField()
    year = serializers.IntegerField()
    authority = serializers.CharField()
    enacted = serializers.DateField()
    in_force_from = serializers.DateField()
    status = serializers.ChoiceField(
        source="current_status", choices=STATUS_CHOICES, help_text="Today's status."
    )
    summary = serializers.CharField()
    affects = serializers.CharField()
    topics = serializers.SerializerMethodField()

    @extend_schema_field(TopicRefSerializer(many=True))
    def get_topics(self, page):
        return [{"slug": topic.slug, "title": topic.title} for topic in page.topics.all()]


class RelationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RegulationRelation.KIND_CHOICES)
    regulation = serializers.IntegerField(help_text="id of the other regulation")
    citation = serializers.CharField()


class RegulationDetailSerializer(RegulationSerializer):
    body_html = serializers.SerializerMethodField(help_text="What the regulation means, as HTML.")
    relations = serializers.SerializerMethodField(help_text="What this regulation does to others.")
    changed_by = serializers.SerializerMethodField(help_text="What other regulations do to this one.")
    change_notes = serializers.SerializerMethodField()

    def get_body_html(self, page) -> str:
        return expand_db_html(page.body or "")

    @extend_schema_field(RelationSerializer(many=True))
    def get_relations(self, page):
        return [
            {
                "kind": relation.kind,
                "regulation": relation.target_id,
                "citation": relation.target.specific.citation,
            }
            for relation in page.outgoing()
        ]

    @extend_schema_field(RelationSerializer(many=True))
    def get_changed_by(self, page):
        return [
            {"kind": relation.kind, "regulation": relation.page_id, "citation": relation.page.citation}
            for relation in page.incoming()
        ]

    @extend_schema_field(ChangeNoteSerializer(many=True))
    def get_change_notes(self, page):
        return ChangeNoteSerializer(page.sorted_change_notes, many=True).data


class RegulationFilter(django_filters.FilterSet):
    in_force_on = django_filters.DateFilter(
        method="filter_in_force_on",
        help_text="Only regulations in force on this date: in force from it or earlier and not revoked by then.",
    )
    effective_from = django_filters.DateFilter(
        field_name="in_force_from", lookup_expr="gte", help_text="In force from this date or later."
    )
    effective_until = django_filters.DateFilter(
        field_name="in_force_from", lookup_expr="lte", help_text="In force from this date or earlier."
    )
    regulation_type = django_filters.ChoiceFilter(choices=TYPE_CHOICES)
    topic = django_filters.CharFilter(field_name="topics__slug", help_text="Slug of a topic.")

    class Meta:
        model = RegulationPage
        fields = []

    def filter_in_force_on(self, queryset, name, value):
        return queryset.filter(in_force_from__lte=value).exclude(revoked_on(value))


@cached
class RegulationViewSet(PublicReadOnlyViewSet):
    """Published regulations, most recently in force first."""

    filterset_class = RegulationFilter

    model = RegulationPage

    def items(self):
        return (
            RegulationPage.objects.live()
            .public()
            .annotate(
                current_status=Case(
                    When(changed_by(RegulationRelation.REVOKES), then=Value(REVOKED)),
                    When(changed_by(RegulationRelation.AMENDS), then=Value(AMENDED)),
                    default=Value(IN_FORCE),
                )
            )
            .order_by("-in_force_from", "-pk")
            .prefetch_related("topics", "change_notes")
            .distinct()
        )

    def get_serializer_class(self):
        return RegulationDetailSerializer if self.action == "retrieve" else RegulationSerializer


# --- offices ------------------------------------------------------------------------


class OfficeHoursSerializer(serializers.Serializer):
    first_day = serializers.IntegerField(min_value=0, max_value=6, help_text="0 is Monday, 6 is Sunday.")
    last_day = serializers.IntegerField(min_value=0, max_value=6)
    opens = serializers.SerializerMethodField(help_text="Local time, with the offset of the office's zone.")
    closes = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.TIME)
    def get_opens(self, row):
        return row.local_time(row.opens)

    @extend_schema_field(OpenApiTypes.TIME)
    def get_closes(self, row):
        return row.local_time(row.closes)


class OfficeSerializer(PageItemSerializer):
    city = serializers.CharField()
    province = serializers.ChoiceField(choices=PROVINCE_CHOICES)
    province_name = serializers.CharField(source="province_label")
    zone = serializers.ChoiceField(choices=["WIB", "WITA", "WIT"], help_text="The office's time zone.")
    address = serializers.CharField()
    postal_code = serializers.CharField()
    services = serializers.ListField(child=serializers.ChoiceField(choices=SERVICES))
    phone = serializers.CharField()
    email = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    hours = OfficeHoursSerializer(source="opening_rows", many=True, help_text="Empty when not known.")
    directions = serializers.CharField()
    accessibility = serializers.CharField()
    notes = serializers.CharField()


class OfficeFilter(django_filters.FilterSet):
    province = django_filters.ChoiceFilter(
        choices=PROVINCE_CHOICES, help_text="Only offices in this province."
    )
    service = django_filters.ChoiceFilter(
        choices=SERVICES, method="filter_service", help_text="Only offices offering this service."
    )

    class Meta:
        model = OfficePage
        fields = []

    def filter_service(self, queryset, name, value):
        # Services are a short JSON list per office: compared here, as the list page does,
        # since SQLite cannot look inside JSON lists.
        return queryset.filter(pk__in=[office.pk for office in queryset if value in office.services])


@cached
class OfficeViewSet(PublicReadOnlyViewSet):
    """Published immigration offices, by name."""

    filterset_class = OfficeFilter

    model = OfficePage

    def items(self):
        return OfficePage.objects.live().public().order_by("title", "pk").prefetch_related("hours")

    def get_serializer_class(self):
        return OfficeSerializer


# --- smart answers ----------------------------------------------------------------


class SmartAnswerStepSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The step's key: answers go in the page's address under it.")
    kind = serializers.ChoiceField(
        choices=["choice", "multiple_choice", "date", "number", "country", "outcome"],
    )
    text = serializers.CharField(help_text="The question, or the outcome's title.")


class SmartAnswerSerializer(PageItemSerializer):
    intro = serializers.CharField()
    steps = serializers.SerializerMethodField(
        help_text="Questions and outcomes in the editor's order; readers answer them on the page itself."
    )

    @extend_schema_field(SmartAnswerStepSerializer(many=True))
    def get_steps(self, page):
        steps = page.reader_flow().steps.values()
        return [
            {
                "key": step.key,
                "kind": step.kind,
                "text": step.value["question" if step.is_question else "title"],
            }
            for step in steps
        ]


@cached
class SmartAnswerViewSet(PublicReadOnlyViewSet):
    """Published smart answers ("Which visa do I need?"), in the order of their section."""

    model = SmartAnswerPage

    def items(self):
        return SmartAnswerPage.objects.live().public().order_by("path")

    def get_serializer_class(self):
        return SmartAnswerSerializer
