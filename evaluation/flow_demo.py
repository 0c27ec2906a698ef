"""Demo counts for the smart answers: readers walking the sample flows over the last 60 days.

Each demo reader answers the flow's questions with random but valid answers (a fixed
seed, so every load gives the same figures) and sometimes stops on the way; their
arrivals are added up per day and move as ``FlowStep`` rows, as real ones would be
(evaluation/flow_counts.py). So the editors' report and the dashboard have something
to show in the demo.
"""

import random
from datetime import timedelta

from django.http import QueryDict
from django.utils import timezone

from cms.models import SmartAnswerPage
from evaluation.models import FlowStep

DAYS = 60
COUNTRIES = ["MY", "SG", "TH", "PH", "FR", "AU", "US", "CN", "SA", "JP", "NL", "IN"]
STOP = 0.12  # a demo reader leaves at a question with this chance


def answer(step, generator, today):
    if step.kind in ("choice", "multiple_choice"):
        return [generator.choice(step.options())[0]]
    if step.kind == "country":
        return [generator.choice(COUNTRIES)]
    if step.kind == "date":
        return [(today + timedelta(days=generator.randint(1, 90))).isoformat()]
    low = step.value.get("min_value") or 1
    high = step.value.get("max_value") or max(low, 120)
    return [str(generator.randint(low, min(high, low + 120)))]


def reader(flow, generator, today):
    """The moves (from, to, is outcome) of one demo reader."""
    params, moves, came_from = QueryDict(mutable=True), [], ""
    for _step in range(len(flow.steps) + 1):
        walk = flow.walk(params)
        step = walk.outcome or walk.question
        if step is None or walk.error:
            break
        moves.append((came_from, step.key, walk.outcome is not None))
        if walk.outcome is not None or generator.random() < STOP:
            break
        params.setlist(step.key, answer(step, generator, today))
        came_from = step.key
    return moves


def load():
    """Counts for every live flow, once; returns how many rows were made."""
    if FlowStep.objects.exists():
        return 0
    generator = random.Random(25)  # noqa: S311 - repeatable demo data, not security
    today = timezone.localdate()
    counts = {}
    for page in SmartAnswerPage.objects.live().order_by("path"):
        flow = page.reader_flow()
        for days_ago in range(DAYS):
            day = today - timedelta(days=days_ago)
            for _reader in range(generator.randint(2, 9)):
                for from_step, to_step, is_outcome in reader(flow, generator, today):
                    key = (page.pk, day, from_step, to_step)
                    counts[key] = (counts.get(key, (0, is_outcome))[0] + 1, is_outcome)
    FlowStep.objects.bulk_create(
        FlowStep(page_id=page_id, day=day, from_step=from_step, to_step=to_step, count=count, outcome=outcome)
        for (page_id, day, from_step, to_step), (count, outcome) in counts.items()
    )
    return len(counts)
