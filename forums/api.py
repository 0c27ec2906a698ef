"""Answered forum questions in the public API (/api/v1/forum-threads/).

Only threads the visibility rule shows (``Thread/Post.objects.visible()``) with the
status "answered", and of those only the question and the answers that were
official or accepted: the useful, moderated part. No author names, addresses or
anything else about members leaves through here; an answer says only whether an
official gave it.
"""

import django_filters
from django.conf import settings
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.base import DateTimeFilter, PublicReadOnlyViewSet, cached
from cms.api.pages import absolute
from forums.models import Post, Thread, ThreadKind, ThreadStatus
from forums.rendering import render


class BoardRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class AnswerSerializer(serializers.Serializer):
    html = serializers.SerializerMethodField(help_text="Sanitised HTML of the answer.")
    official = serializers.BooleanField(source="is_official", help_text="Given by an immigration official.")
    accepted = serializers.BooleanField(source="is_accepted", help_text="Marked by the asker as what helped.")
    created_at = serializers.DateTimeField()

    def get_html(self, post) -> str:
        return str(render(post.body))


class ThreadSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=ThreadKind.choices)
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES, help_text="The language it was written in."
    )
    board = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    last_activity_at = serializers.DateTimeField()
    question_html = serializers.SerializerMethodField(help_text="Sanitised HTML of the question.")
    answers = serializers.SerializerMethodField()

    @extend_schema_field(BoardRefSerializer)
    def get_board(self, thread):
        return {"slug": thread.board.slug, "name": thread.board.name}

    @extend_schema_field(serializers.URLField())
    def get_url(self, thread):
        return absolute(thread.get_absolute_url())

    def get_question_html(self, thread) -> str:
        opening = next((post for post in thread.visible_posts if post.is_opening), None)
        return str(render(opening.body)) if opening else ""

    @extend_schema_field(AnswerSerializer(many=True))
    def get_answers(self, thread):
        answers = [post for post in thread.visible_posts if post.is_official or post.is_accepted]
        return AnswerSerializer(answers, many=True).data


class ThreadFilter(django_filters.FilterSet):
    board = django_filters.CharFilter(field_name="board__slug", help_text="Slug of a board.")
    written_in = django_filters.ChoiceFilter(field_name="language", choices=settings.LANGUAGES)
    updated_since = DateTimeFilter(
        field_name="last_activity_at",
        lookup_expr="gte",
        help_text="Threads with an answer or post since this moment.",
    )

    class Meta:
        model = Thread
        fields = []


@cached
class AnsweredThreadViewSet(PublicReadOnlyViewSet):
    """Answered questions and feedback, most recently active first."""

    serializer_class = ThreadSerializer
    filterset_class = ThreadFilter

    model = Thread

    def items(self):
        return (
            Thread.objects.visible()
            .filter(status=ThreadStatus.ANSWERED)
            .select_related("board__topic")
            .prefetch_related(
                Prefetch(
                    "posts",
                    queryset=Post.objects.visible().order_by("created_at", "pk"),
                    to_attr="visible_posts",
                )
            )
            .order_by("-last_activity_at", "-pk")
        )
