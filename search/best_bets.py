"""Best bets: the results editors pin to the top for a query or a glossary concept.

Read at every search (never cached with the results), so a bet starts and ends on time and a
bet on a page disappears the moment the page is unpublished or made private: only live,
public pages are shown, with their current title and address in the reader's language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from search import glossary
from search.models import BestBet, is_shown_address, query_key
from search.text import words


@dataclass(frozen=True)
class Pinned:
    title: str
    url: str
    # The title's language: a page without a title in the reader's language shows its
    # Indonesian one, which the results page marks (lang) for screen readers.
    language: str = ""


def title_language(page, language):
    own = getattr(page, build_localized_fieldname("title", language), "")
    return language if own else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def pinned(text, language):
    """At most three pinned results for a query, in the editors' order, without repeats.

    A bet's query matches as search compares words (``query_key``: any case, spacing and
    punctuation; Chinese with or without spaces): "kitas sponsor?" is "kitas sponsor", and
    "绿卡 抽签" and "绿卡抽签。" are "绿卡抽签"."""
    tokens = words(text)
    concept_ids = {concept for match in glossary.matches(tokens, language) for concept in match.concepts}
    key = query_key(text)
    now = timezone.now()
    wanted = Q(concept_id__in=concept_ids)
    if key:  # a query of punctuation alone names no bet (concept bets have no query)
        wanted |= Q(query_key=key)
    bets = (
        BestBet.objects.filter(language=language)
        .filter(wanted)
        .filter(Q(starts__isnull=True) | Q(starts__lte=now), Q(ends__isnull=True) | Q(ends__gt=now))
        .order_by("position", "pk")
    )
    bets = list(bets)
    pages = Page.objects.live().public().filter(pk__in=[bet.page_id for bet in bets if bet.page_id])
    pages = {page.pk: page for page in pages.specific()}
    found = {}
    for bet in bets:
        if bet.page_id:
            page = pages.get(bet.page_id)
            if page is None:  # unpublished, made private or deleted: the bet is withdrawn with it
                continue
            result = Pinned(title=page.title, url=page.get_url(), language=title_language(page, language))
        elif is_shown_address(bet.url):  # never a "javascript:" link saved before addresses were checked
            result = Pinned(title=bet.title, url=bet.url, language=language)
        else:
            continue
        found.setdefault(result.url, result)
    return list(found.values())[: BestBet.MAX_PER_QUERY]
