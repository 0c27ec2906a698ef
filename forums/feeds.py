"""An Atom feed of a board: its latest visible posts (questions, answers, feedback)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core.feeds import PlainTextAtom1Feed
from forums.models import Board, Post
from forums.rendering import plain_text


class BoardFeed(Feed):
    feed_type = PlainTextAtom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Board.objects.select_related("topic"), slug=slug)

    def title(self, board):
        return _("Sinergi forum: %(board)s") % {"board": board.name}

    def link(self, board):
        return board.get_absolute_url()

    def subtitle(self, board):
        return _("Latest questions, answers and feedback on %(board)s") % {"board": board.name}

    def items(self, board):
        return (
            Post.objects.visible()
            .filter(thread__board=board)
            .select_related("thread", "author")
            .order_by("-created_at", "-pk")[:30]
        )

    def item_title(self, post):
        if post.is_opening:
            return post.thread.title
        if post.is_official:
            return _("Official answer: %(title)s") % {"title": post.thread.title}
        return _("Reply: %(title)s") % {"title": post.thread.title}

    def item_description(self, post):
        return plain_text(post.body)

    def item_link(self, post):
        return post.get_absolute_url()

    def item_pubdate(self, post):
        return post.created_at

    def item_author_name(self, post):
        return post.author.display_name if post.author else _("Deleted member")
