"""How forum threads become search documents (discovered by search/).

One document per visible thread, in the language it was written in, holding the
question and every visible reply. Hidden, pending and deleted posts are never in
it: both the threads and the posts come from the visibility rule. An answered
question ranks above an open one (boost). Moderation decisions refresh the
thread's documents through forums/search_sync.py.
"""

from django.utils import translation

from core.searchable import SearchDocument, SearchSource, register
from forums.models import Post, Thread, ThreadStatus
from forums.rendering import plain_text
from forums.search_sync import SOURCE

ANSWERED_BOOST = 1.3


class ThreadSource(SearchSource):
    name = SOURCE
    volatile = True  # every question and answer changes a thread
    model = Thread

    def objects(self):
        return Thread.objects.visible().select_related("board__topic").order_by("pk")

    def changed_since(self, moment):
        return Thread.objects.filter(updated_at__gte=moment)

    def documents(self, thread):
        if not Thread.objects.visible().filter(pk=thread.pk).exists():
            return []
        posts = list(Post.objects.visible().filter(thread=thread).order_by("created_at", "pk"))
        opening = next((post for post in posts if post.is_opening), None)
        replies = [post for post in posts if not post.is_opening]
        answers = [post for post in replies if post.is_official or post.is_accepted]
        topic = thread.board.topic
        with translation.override(thread.language):
            return [
                SearchDocument(
                    source=self.name,
                    object_id=str(thread.pk),
                    language=thread.language,
                    kind="thread",
                    title=thread.title,
                    url=thread.get_absolute_url(),
                    summary=plain_text(opening.body)[:300] if opening else "",
                    body=" ".join(plain_text(post.body) for post in answers + replies),
                    topics=[topic.slug],
                    topic_titles=[topic.title],
                    published=thread.created_at,
                    updated=thread.last_activity_at,
                    available_languages=[thread.language],
                    status=thread.status,
                    boost=ANSWERED_BOOST if thread.status == ThreadStatus.ANSWERED else 1.0,
                    version=int(thread.updated_at.timestamp() * 1_000_000),
                )
            ]


register(ThreadSource())
