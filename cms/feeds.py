"""Atom and RSS feeds of regulation updates, per language and per topic.

An item is a regulation; its id is a tag URI fixed at first publication
(``tag:<host>,<date>:regulation/<pk>``), so re-publishing updates the entry
instead of creating a new one, and its updated date is the newest public
change note (or the first publication).

The feeds are served by ``RegulationIndexPage``'s routes, which hand them the page,
the topic and the regulations; so this module imports no model (the models import it).
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from core.feeds import PlainTextAtom1Feed

ITEMS = 50


class RegulationRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, topic=None):
        super().__init__()
        self.index = index
        self.topic = topic

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
        return sorted(obj.feed_items(self.topic), key=self.item_updateddate, reverse=True)[:ITEMS]

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
        return [item.get_regulation_type_display(), str(item.annotated_status_label())]


class RegulationAtomFeed(RegulationRssFeed):
    feed_type = PlainTextAtom1Feed

    def subtitle(self, obj):
        return self.description(obj)
