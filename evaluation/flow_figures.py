"""The smart answers on the public dashboard (core/public_figures.py): per flow, how many
times people started it and reached an outcome, and how often each outcome was the answer.

Counts of arrivals (evaluation/flow_counts.py), never of answers; each count under the
privacy threshold is suppressed like every other figure. The figures name flows by slug
and outcomes by key, the same in every language; titles are added in the reader's
language when the page is shown.
"""

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import SmartAnswerPage
from core.public_figures import (
    COUNT,
    VALUE,
    Code,
    Column,
    Dataset,
    FigureSection,
    bars,
    measure_column,
    suppressed,
)
from evaluation import flow_counts

MEASURES = ("started", "outcomes_reached")


def public_flows():
    return SmartAnswerPage.objects.live().public().order_by("path")


def compute(start, end):
    start, end = timezone.localdate(start), timezone.localdate(end)
    pages = list(public_flows())
    totals = flow_counts.totals(start, end, pages)
    per_outcome = {
        (row["page_id"], row["to_step"]): row["reached"]
        for row in flow_counts.between(start, end)
        .filter(page__in=pages, outcome=True)
        .values("page_id", "to_step")
        .annotate(reached=Sum("count"))
        .order_by()
    }
    flows = []
    for page in pages:
        started, reached = totals.get(page.pk, (0, 0))
        outcomes = [step.key for step in page.reader_flow().steps.values() if not step.is_question]
        flows.append(
            {
                "flow": page.slug,
                "started": suppressed(started),
                "outcomes_reached": suppressed(reached),
                "outcomes": [
                    {"outcome": key, "reached": suppressed(per_outcome.get((page.pk, key), 0))}
                    for key in outcomes
                ],
            }
        )
    return {"flows": flows}


def charts(figures):
    """Each flow with its title and its outcomes' bars, in the reader's language."""
    pages = {page.slug: page for page in public_flows()}
    shown = []
    for row in figures["flows"]:
        page = pages.get(row["flow"])
        if page is None:  # unpublished since the figures were computed
            continue
        steps = page.reader_flow().steps
        shown.append(
            {
                **row,
                "page": page,  # for the title's language, when shown untranslated
                "title": page.title,
                "bars": bars(
                    [
                        (steps[outcome["outcome"]].value["title"], outcome["reached"])
                        for outcome in row["outcomes"]
                        if outcome["outcome"] in steps
                    ]
                ),
            }
        )
    return {"flows": shown}


def datasets(figures):
    return {
        "smart-answers": (
            ["flow", "measure", "value", "suppressed"],
            [
                {"flow": row["flow"], "measure": key, "value": row[key], "suppressed": row[key] is None}
                for row in figures["flows"]
                for key in MEASURES
            ],
        ),
        "smart-answer-outcomes": (
            ["flow", "outcome", "reached", "suppressed"],
            [
                {**outcome, "flow": row["flow"], "suppressed": outcome["reached"] is None}
                for row in figures["flows"]
                for outcome in row["outcomes"]
            ],
        ),
    }


def _measures():
    return [
        Code("started", str(_("Times people started the questions")), str(COUNT)),
        Code("outcomes_reached", str(_("Times people reached an answer")), str(COUNT)),
    ]


def _flows():
    return [Code(page.slug, page.title) for page in public_flows()]


FLOW = Column("flow", "string", _("The smart answer, by its address on the site."), codes=_flows)


def dictionary():
    return {
        "smart-answers": Dataset(
            _("Smart answers"),
            _(
                "How many times people started each smart answer and reached an answer in the period. "
                "Counts of visits to the steps: no answers are kept."
            ),
            (FLOW, measure_column(_measures), VALUE),
        ),
        "smart-answer-outcomes": Dataset(
            _("Smart answer outcomes"),
            _("How many times each answer of a smart answer was reached in the period."),
            (
                FLOW,
                Column(
                    "outcome",
                    "string",
                    _("The answer, by its key in the flow (the API lists each step's key and title)."),
                ),
                Column("reached", "integer", _("Times it was reached.")),
            ),
        ),
    }


SECTION = FigureSection(
    key="smart_answers",
    compute=compute,
    template="evaluation/dashboard/smart_answers.html",
    datasets=datasets,
    has_activity=lambda figures: any(row["started"] or row["outcomes_reached"] for row in figures["flows"]),
    charts=charts,
    dictionary=dictionary,
    order=15,
)
