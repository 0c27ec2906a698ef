"""That a reader arrived at a step of a smart answer, told to whoever listens.

cms keeps no count of its own (nothing about readers is stored here): the page sends
``step_reached`` and the evaluation app counts the steps (evaluation/flow_counts.py)
for the editors' report and the public dashboard. Receivers are called with
``send_robust``, so a broken receiver never costs a reader their answer.
"""

import logging

from django.dispatch import Signal

from .flow import EDIT

logger = logging.getLogger(__name__)

# page, from_step (the last answered question's key, "" on the first question), to_step
# (the key of the question or outcome shown) and is_outcome: sent once per arrival, never
# with the answers themselves.
step_reached = Signal()


def arrival(request, walk):
    """(from_step, to_step, is_outcome) when this request is a reader arriving at a step,
    else None: not on the start page, a back or change link (``?edit=``, a revisit), a
    question shown again with an error, a broken flow, or a HEAD request."""
    if request.method != "GET" or not request.GET or walk is None or walk.broken or walk.error:
        return None
    if EDIT in request.GET:
        return None
    step = walk.outcome or walk.question
    if step is None:
        return None
    from_step = walk.answers[-1].step.key if walk.answers else ""
    return from_step, step.key, walk.outcome is not None


def announce(page, request, walk):
    found = arrival(request, walk)
    if found is None:
        return
    from_step, to_step, is_outcome = found
    for receiver, outcome in step_reached.send_robust(
        sender=type(page), page=page, from_step=from_step, to_step=to_step, is_outcome=is_outcome
    ):
        if isinstance(outcome, Exception):
            logger.warning("smart answer step receiver %s failed: %s", receiver, type(outcome).__name__)
