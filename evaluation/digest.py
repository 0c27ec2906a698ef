"""The weekly email to each page owner: how their pages were rated and what people wrote.

Once per owner and ISO week (core/notices.py): the scheduler's retry of a run that failed
half-way, or ``run_periodic --force``, sends only what the first run did not.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import notices
from core.emails import queue_email
from evaluation.models import PageRating

KEY = "evaluation.weekly_digest"  # the periodic job that sends it


def week_summary(now=None):
    """{owner: [(page, yes, total, comments)]} for the last 7 days."""
    since = (now or timezone.now()) - timedelta(days=7)
    rows = (
        PageRating.objects.filter(created__gte=since)
        .values("page_id")
        .annotate(total=Count("id"), yes=Count("id", filter=Q(helpful=True)))
        .order_by()
    )
    counts = {row["page_id"]: row for row in rows}
    pages = Page.objects.filter(pk__in=counts, owner__isnull=False).select_related("owner")
    summary = {}
    for page in pages:
        if not page.owner.email:
            continue
        comments = list(
            PageRating.objects.filter(page=page, created__gte=since)
            .exclude(comment="")
            .values_list("comment", flat=True)[:10]
        )
        row = counts[page.pk]
        summary.setdefault(page.owner, []).append((page, row["yes"], row["total"], comments))
    return summary


def send_digests(now=None):
    """Queue this week's digest to each owner who has not had it; returns how many."""
    sent = 0
    week = notices.week(now)
    for owner, pages in week_summary(now).items():
        with transaction.atomic():
            if notices.claim(KEY, owner.pk, week):
                queue_digest(owner, pages)
                sent += 1
    return sent


def queue_digest(owner, pages):
    profile = getattr(owner, "wagtail_userprofile", None)
    with translation.override((profile and profile.preferred_language) or settings.LANGUAGE_CODE):
        body = render_to_string(
            "evaluation/email/digest.txt",
            {
                "owner": owner,
                "pages": pages,
                "report_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("evaluation_admin_helpfulness"),
            },
        )
        queue_email(owner.email, _("Weekly page feedback"), body)
