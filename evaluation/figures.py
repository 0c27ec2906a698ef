"""The evaluation app's own sections of its dashboard (core/public_figures.py): guides and
how helpful readers found them, by topic; and the answers to the surveys after events."""

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import GuidePage, TopicPage
from core.public_figures import (
    COUNT,
    MINIMUM,
    PERCENT,
    VALUE,
    Code,
    Column,
    Dataset,
    FigureSection,
    bars,
    measure_column,
    suppressed,
)
from evaluation import surveys
from evaluation.models import EventFeedback, PageRating


def share(part, whole):
    return round(100 * part / whole, 1) if whole and whole >= MINIMUM else None


def public_ratings(start, end):
    """The ratings public figures count: made in ``[start, end)``, not flagged as a burst."""
    return PageRating.objects.filter(created__gte=start, created__lt=end, flagged=False)


def helpfulness_by_topic(start, end):
    """Yes/total per topic: ratings grouped by page in SQL, pages mapped to their topic."""
    per_page = (
        public_ratings(start, end)
        .values("page_id", "page__path")
        .annotate(total=Count("id"), yes=Count("id", filter=Q(helpful=True)))
        .order_by()
    )
    topics = list(TopicPage.objects.live().public().order_by("path"))
    totals = {topic.pk: [0, 0] for topic in topics}
    for row in per_page:
        for topic in topics:
            if row["page__path"].startswith(topic.path):
                totals[topic.pk][0] += row["yes"]
                totals[topic.pk][1] += row["total"]
                break
    return [
        {
            "topic": topic.slug,
            "ratings": suppressed(totals[topic.pk][1]),
            "helpful_percent": share(totals[topic.pk][0], totals[topic.pk][1]),
        }
        for topic in topics
    ]


def guide_figures(start, end):
    """Each count from the period's own data: ``live`` is the guides online at its end
    (first published before it and not taken down since), not today's count."""
    guides = GuidePage.objects.live().public()
    return {
        "published": suppressed(
            guides.filter(first_published_at__gte=start, first_published_at__lt=end).count()
        ),
        "updated": suppressed(guides.filter(last_published_at__gte=start, last_published_at__lt=end).count()),
        "live": suppressed(guides.filter(first_published_at__lt=end).count()),
        "helpfulness": helpfulness_by_topic(start, end),
    }


def guide_charts(figures):
    titles = {topic.slug: topic.title for topic in TopicPage.objects.live()}
    return {
        "helpfulness": bars(
            [
                (
                    titles.get(row["topic"], row["topic"]),
                    None if row["helpful_percent"] is None else row["helpful_percent"] / 100,
                )
                for row in figures["helpfulness"]
            ],
            full=1,
        )
    }


def guide_datasets(figures):
    return {
        "guides": (
            ["measure", "value", "suppressed"],
            [
                {"measure": key, "value": figures[key], "suppressed": figures[key] is None}
                for key in ("published", "updated", "live")
            ],
        ),
        "helpfulness-by-topic": (
            ["topic", "ratings", "helpful_percent", "suppressed"],
            [{**row, "suppressed": row["ratings"] is None} for row in figures["helpfulness"]],
        ),
    }


def survey_figures(start, end):
    """Answers to the surveys of the sessions held in the period (their attendees come from
    the events app, see surveys.attendees)."""
    attended = surveys.attendees(start, min(end, timezone.now()))
    feedback = EventFeedback.objects.filter(registration__in=attended if attended is not None else [])
    summary = feedback.aggregate(answers=Count("id"), average=Avg("satisfaction"))
    answers = summary["answers"]
    return {
        "survey_answers": suppressed(answers),
        "average_satisfaction": round(summary["average"], 2) if answers >= MINIMUM else None,
    }


def survey_datasets(figures):
    return {
        "event-surveys": (
            ["measure", "value", "suppressed"],
            [
                {"measure": key, "value": figures[key], "suppressed": figures[key] is None}
                for key in ("survey_answers", "average_satisfaction")
            ],
        )
    }


def _guide_measures():
    return [
        Code("published", str(_("Guides first published in the period")), str(COUNT)),
        Code("updated", str(_("Guides updated in the period")), str(COUNT)),
        Code("live", str(_("Guides online at the end of the period")), str(COUNT)),
    ]


def _topics():
    return [Code(topic.slug, topic.title) for topic in TopicPage.objects.live().public().order_by("path")]


def guide_dictionary():
    return {
        "guides": Dataset(
            _("Guides"), _("Guides published, updated and online."), (measure_column(_guide_measures), VALUE)
        ),
        "helpfulness-by-topic": Dataset(
            _("Helpfulness by topic"),
            _("Answers to “Was this page helpful?” on the pages of each topic, made in the period."),
            (
                Column("topic", "string", _("The topic, by its address on the site."), codes=_topics),
                Column("ratings", "integer", _("Answers given.")),
                Column(
                    "helpful_percent", "number", _("Share of the answers that said yes."), unit=str(PERCENT)
                ),
            ),
        ),
    }


def _survey_measures():
    return [
        Code("survey_answers", str(_("Answers to the survey after a session")), str(COUNT)),
        Code("average_satisfaction", str(_("Average satisfaction")), str(_("score from 1 to 5"))),
    ]


def survey_dictionary():
    return {
        "event-surveys": Dataset(
            _("Event surveys"),
            _("Answers of the people who took part in sessions that ended in the period."),
            (measure_column(_survey_measures), VALUE),
        )
    }


GUIDES = FigureSection(
    key="guides",
    compute=guide_figures,
    template="evaluation/dashboard/guides.html",
    datasets=guide_datasets,
    has_activity=lambda figures: bool(
        figures["published"] or figures["updated"] or any(row["ratings"] for row in figures["helpfulness"])
    ),
    charts=guide_charts,
    dictionary=guide_dictionary,
    order=10,
)
SURVEYS = FigureSection(
    key="event_surveys",
    compute=survey_figures,
    template="evaluation/dashboard/event_surveys.html",
    datasets=survey_datasets,
    has_activity=lambda figures: bool(figures["survey_answers"]),
    dictionary=survey_dictionary,
    order=25,
)
