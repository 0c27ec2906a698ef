"""Records searches and opened results (signals from search/outcomes.py), and reports what
people could not find: queries with no results, or results nobody opened.

A query is shown to editors only when at least ``NOT_FOUND_MINIMUM_PEOPLE`` different people
(distinct hashed clients, salted per week) searched for it in the same week and language, so
no single person's query is exposed however often they repeat it.
Clicks are counted from the ping of result links (``<a ping>``); browsers that
do not send pings make "no clicks" an overestimate, which the report says.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone

from core import rate_limit
from evaluation import conf
from evaluation.masking import mask_personal_data
from evaluation.models import SearchRecord
from search import outcomes

WEEKS = 8  # not tunable: the report's text says "8 weeks"


def normalise(text):
    return " ".join(mask_personal_data(text).lower().split())[:200]


def client_key(request, now):
    """A keyed hash of the client's address and browser, salted with the ISO week: the report
    counts different people per week, and nobody can be followed from one week to the next."""
    year, week, _day = timezone.localdate(now).isocalendar()
    material = (
        f"search|{year}-W{week}|{rate_limit.client_address(request)}|{request.headers.get('User-Agent', '')}"
    )
    return hmac.new(settings.SECRET_KEY.encode(), material.encode(), hashlib.sha256).hexdigest()[:32]


def record_search(sender, search_id, text, language, total, request=None, **kwargs):
    now = timezone.now()
    SearchRecord.objects.get_or_create(
        search_id=search_id,
        defaults={
            "query": normalise(text),
            "language": language,
            "results": total,
            "client": client_key(request, now) if request is not None else "",
            "created": now,
        },
    )


def record_click(sender, search_id, position, **kwargs):
    SearchRecord.objects.filter(search_id=search_id, clicked=False).update(clicked=True)


def connect():
    outcomes.search_performed.connect(record_search, dispatch_uid="evaluation.search_performed")
    outcomes.result_clicked.connect(record_click, dispatch_uid="evaluation.result_clicked")


def forget_old(now=None):
    """Delete searches older than ``SEARCH_RETENTION_DAYS`` (a periodic job): a masked query can
    still name someone, and the report never looks further back than ``WEEKS``."""
    cutoff = (now or timezone.now()) - timedelta(days=conf.get("SEARCH_RETENTION_DAYS"))
    return SearchRecord.objects.filter(created__lt=cutoff).delete()[0]


def not_found(now=None, weeks=WEEKS):
    """[{week, language, query, searches, kind}] with kind 'no_results' or 'no_clicks'."""
    since = (now or timezone.now()) - timedelta(weeks=weeks)
    rows = (
        SearchRecord.objects.filter(created__gte=since)
        .filter(Q(results=0) | Q(clicked=False))
        .annotate(week=TruncWeek("created"))
        .values("week", "language", "query")
        .annotate(
            searches=Count("id"),
            people=Count("client", distinct=True),
            empty=Count("id", filter=Q(results=0)),
        )
        .filter(people__gte=conf.get("NOT_FOUND_MINIMUM_PEOPLE"))
        .order_by("-week", "language", "-searches", "query")
    )
    return [{**row, "kind": "no_results" if row["empty"] == row["searches"] else "no_clicks"} for row in rows]
