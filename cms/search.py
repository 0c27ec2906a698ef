"""How the editorial core's pages become search documents (discovered by search/)."""

from django.db.models import Q
from django.utils import translation
from django.utils.html import strip_tags

from cms.models import Audience, GuidePage, TopicPage
from search.documents import SearchDocument
from search.labels import register_labeller
from search.registry import SearchSource, register


def version_of(page):
    moment = page.last_published_at or page.latest_revision_created_at
    return int(moment.timestamp() * 1_000_000) if moment else 0


class PageSource(SearchSource):
    """Live, public pages of one type, one document per language they are translated into."""

    kind = ""

    def objects(self):
        return self.model.objects.live().public().order_by("path")

    def changed_since(self, moment):
        return self.model.objects.filter(
            Q(last_published_at__gte=moment) | Q(latest_revision_created_at__gte=moment)
        )

    def get(self, object_id):
        return self.objects().filter(pk=object_id).first()

    def fields(self, page):
        """Per-language fields beyond title; read under translation.override."""
        return {"summary": page.search_description or ""}

    def documents(self, page):
        languages = page.available_languages()
        documents = []
        for language in languages:
            with translation.override(language):
                documents.append(
                    SearchDocument(
                        source=self.name,
                        object_id=str(page.pk),
                        language=language,
                        kind=self.kind,
                        title=page.title,
                        url=page.get_url(),
                        published=page.first_published_at,
                        updated=page.last_published_at,
                        available_languages=languages,
                        version=version_of(page),
                        **self.fields(page),
                    )
                )
        return documents


class GuideSource(PageSource):
    name = "cms.guide"
    model = GuidePage
    kind = "guide"

    def objects(self):
        return super().objects().prefetch_related("audiences")

    def fields(self, page):
        topic = page.get_parent().specific_deferred
        body = page.body.stream_block.get_searchable_content(page.body)
        return {
            "summary": page.summary,
            "body": strip_tags(" ".join(str(part) for part in body)),
            "topics": [topic.slug],
            "topic_titles": [topic.title],
            "audience": [audience.code for audience in page.audiences.all()],
        }


class TopicSource(PageSource):
    name = "cms.topic"
    model = TopicPage
    kind = "topic"

    def fields(self, page):
        return {"summary": page.intro, "topics": [page.slug], "topic_titles": [page.title]}


register(GuideSource())
register(TopicSource())


def topic_labels(values):
    titles = {topic.slug: topic.title for topic in TopicPage.objects.filter(slug__in=values)}
    return {value: titles.get(value, value) for value in values}


def audience_labels(values):
    names = dict(Audience.CHOICES)
    return {value: names.get(value, value) for value in values}


register_labeller("topics", topic_labels)
register_labeller("audience", audience_labels)
