"""How events become search documents (discovered by search/).

One document per event page and language. ``event_start`` is the next session to
come (or the last one, once all are past): the engines rank events whose start has
passed below upcoming ones, and the search page can show upcoming events only.
"""

from django.utils import timezone
from django.utils.html import strip_tags

from agenda.models import EventPage
from cms.search import PageSource
from core.searchable import register


class EventSource(PageSource):
    name = "agenda.event"
    model = EventPage
    kind = "event"

    def objects(self):
        return super().objects().prefetch_related("sessions", "topics", "audiences")

    def fields(self, page):
        sessions = sorted(page.sessions.all(), key=lambda session: session.start)
        now = timezone.now()
        coming = [session for session in sessions if session.end >= now and session.status != "cancelled"]
        start = coming[0].start if coming else (sessions[-1].start if sessions else None)
        places = sorted({session.region for session in sessions if session.region})
        if any(session.online for session in sessions):
            places.append("online")
        return {
            "summary": page.summary,
            "body": " ".join([strip_tags(page.body or ""), page.get_kind_display()]),
            # Found by its provinces and languages, which are no text of the document's language
            # ("Papua", "English" and "中文" in an Arabic result's snippet): named, not quoted.
            "related": [*places, *page.language_labels()],
            "places": [place for place in places if place != "online"],
            "topics": [topic.slug for topic in page.topics.all()],
            "topic_titles": [topic.title for topic in page.topics.all()],
            "audience": [audience.code for audience in page.audiences.all()],
            "event_start": start,
            "status": "upcoming" if coming else "past",
        }


register(EventSource())
