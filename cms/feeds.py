"""Atom and RSS feeds of regulation updates, per language and per topic.

An item is a regulation; its id is a tag URI fixed at first publication
(``tag:<host>,<date>:regulation/<pk>``), so re-publishing updates the entry
instead of creating a new one, and its updated date is the newest public
change note (or the first publication).
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from cms.models import RegulationPage, TopicPage
from cms.models.regulations import AMENDED, IN_FORCE, REVOKED, STATUS_CHOICES, with_status

ITEMS = 50


class RegulationRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, topic_slug=None):
        super().__init__()
        self.index = index
        self.topic = TopicPage.objects.live().public().filter(slug=topic_slug).first() if topic_slug else None
        if topic_slug and self.topic is None:
            from django.http import Http404

            raise Http404

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, obj):
        if self.topic:
            return _("Regulation updates: %(topic)s") % {"topic": self.topic.title}
        return _("Regulation updates")

    def link(self, obj):
        return obj.get_url(request=self.request)

    def description(self, obj):
        return obj.intro or _("New and changed regulations on immigration in Indonesia.")

    def items(self, obj):
        regulations = with_status(
            RegulationPage.objects.child_of(obj).live().public().prefetch_related("change_notes")
        )
        if self.topic:
            regulations = regulations.filter(topics=self.topic)
        return sorted(regulations, key=self.item_updateddate, reverse=True)[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        notes = item.sorted_change_notes
        return f"{notes[0].note} — {item.summary}" if notes else item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        host = self.request.get_host().split(":")[0]
        first = timezone.localdate(item.first_published_at) if item.first_published_at else item.enacted
        return f"tag:{host},{first:%Y-%m-%d}:regulation/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        notes = item.sorted_change_notes
        if notes:
            return timezone.make_aware(datetime.combine(notes[0].date, time(12)))
        return item.first_published_at or timezone.make_aware(datetime.combine(item.enacted, time(12)))

    def item_categories(self, item):
        status = REVOKED if item.is_revoked else AMENDED if item.is_amended else IN_FORCE
        return [item.get_regulation_type_display(), str(dict(STATUS_CHOICES)[status])]


class RegulationAtomFeed(RegulationRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
