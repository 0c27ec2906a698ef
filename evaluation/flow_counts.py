"""Counting where readers of smart answers go: which outcomes they reach, where they stop.

cms sends ``step_reached`` when a reader arrives at a question or an outcome
(cms/smart_answers/signals.py); here each arrival adds one to the day's counter of that
move (``FlowStep``: page, day, from step, to step). Nothing else is kept: not the
answers, not the address, not a session or a user, so no count can be traced back to a
reader and no answer is stored. The figures follow from the moves:

- reached(step): moves into it; the first question's are the starts;
- continued(question): moves out of it;
- stopped at a question: reached − continued (never below 0: a reader who changes an
  answer leaves a question twice);
- an outcome's reached: how many times it was shown as an answer.

A reload, or changing an answer and going on, counts again: these are arrivals, not people.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from cms.models import SmartAnswerPage
from cms.smart_answers.signals import step_reached
from evaluation.models import FlowStep

KEY_LENGTH = FlowStep._meta.get_field("to_step").max_length


def record(page, from_step, to_step, is_outcome, day=None):
    """Add one to the day's count of the move, safely when readers arrive at the same
    moment: update first; create when there is no row yet; if another request created it
    in between (the unique constraint says so), update the row it made."""
    key = {
        "page_id": page.pk,
        "day": day or timezone.localdate(),
        "from_step": from_step[:KEY_LENGTH],
        "to_step": to_step[:KEY_LENGTH],
    }
    rows = FlowStep.objects.filter(**key)
    if rows.update(count=F("count") + 1, outcome=is_outcome):
        return
    try:
        with transaction.atomic():
            FlowStep.objects.create(**key, outcome=is_outcome, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1, outcome=is_outcome)


def on_step_reached(sender, page, from_step, to_step, is_outcome, **kwargs):
    record(page, from_step, to_step, is_outcome)


def connect():
    step_reached.connect(on_step_reached, dispatch_uid="evaluation.step_reached")


def between(start, end):
    """Counts of the days in ``[start, end)`` (dates)."""
    return FlowStep.objects.filter(day__gte=start, day__lt=end)


@dataclass
class StepCounts:
    key: str
    step: object  # the flow's Step, None when the flow no longer has it
    reached: int = 0
    continued: int = 0
    counted_as_outcome: bool = False  # what the counts say, for a step the flow no longer has

    @property
    def is_outcome(self):
        return self.counted_as_outcome if self.step is None else not self.step.is_question

    @property
    def stopped(self):
        return max(self.reached - self.continued, 0)

    @property
    def title(self):
        if self.step is None:
            return ""
        return self.step.value["question"] if self.step.is_question else self.step.value["title"]


@dataclass
class FlowCounts:
    page: object
    steps: list = field(default_factory=list)  # StepCounts in flow order, removed steps last
    starts: int = 0
    outcomes: int = 0  # arrivals at an outcome, removed ones included

    def questions(self):
        return [step for step in self.steps if not step.is_outcome]

    def outcome_steps(self):
        return [step for step in self.steps if step.is_outcome]


def totals(start, end, pages=None):
    """{page_id: (starts, outcomes)} over ``[start, end)``, in one query."""
    rows = between(start, end)
    if pages is not None:
        rows = rows.filter(page__in=pages)
    return {
        row["page_id"]: (row["starts"] or 0, row["outcomes"] or 0)
        for row in rows.values("page_id")
        .annotate(starts=Sum("count", filter=Q(from_step="")), outcomes=Sum("count", filter=Q(outcome=True)))
        .order_by()
    }


def flow_counts(page, start, end):
    """Every step of ``page``'s flow (in the active language) with its counts over ``[start, end)``."""
    flow = page.reader_flow()
    reached, continued, counted_as_outcome = {}, {}, set()
    starts = outcomes = 0
    for row in between(start, end).filter(page=page).values("from_step", "to_step", "outcome", "count"):
        reached[row["to_step"]] = reached.get(row["to_step"], 0) + row["count"]
        if row["from_step"]:
            continued[row["from_step"]] = continued.get(row["from_step"], 0) + row["count"]
        else:
            starts += row["count"]
        if row["outcome"]:
            outcomes += row["count"]
            counted_as_outcome.add(row["to_step"])
    keys = list(flow.steps) + sorted((set(reached) | set(continued)) - set(flow.steps))
    steps = [
        StepCounts(
            key, flow.steps.get(key), reached.get(key, 0), continued.get(key, 0), key in counted_as_outcome
        )
        for key in keys
    ]
    return FlowCounts(page=page, steps=steps, starts=starts, outcomes=outcomes)


def smart_answer_pages():
    return SmartAnswerPage.objects.order_by("path")
