"""Walking a smart answer: from the answers in the URL to the next question or an outcome.

Answers live only in the query string, under each question's key, so a result can be
bookmarked or shared and nothing about the reader is stored. The walk starts at the
first question and follows the answers one question at a time; it stops at the first
question without a usable answer (missing, unknown option, impossible date) with the
reason in the reader's language. So a hand-edited URL that skips a step or invents an
option lands on the question that needs an answer, never on an error page.
"""

import re
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .blocks import QUESTION_KINDS
from .countries import country_name, is_country

EDIT = "edit"  # ?edit=<key>: show that question again with its answer chosen
# Not answers either: ?start=1 (the start page's button; any query string begins the flow).
RESERVED_KEYS = {EDIT, "start"}
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER_PATTERN = re.compile(r"^-?\d{1,9}$")
# Dates a person could mean; keeps date arithmetic far from Python's limits.
FIRST_YEAR, LAST_YEAR = 1900, 2200


class AnswerError(Exception):
    """An answer that cannot be used; ``message`` is shown to the reader."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Step:
    key: str
    kind: str  # a FlowBlock child name: "choice", ..., "outcome"
    value: object  # the block's StructValue

    @property
    def is_question(self):
        return self.kind in QUESTION_KINDS

    def options(self):
        return [(option["key"], option["label"]) for option in self.value.get("options", [])]


def values_of(text):
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def parse_date(text):
    if not DATE_PATTERN.match(text):
        raise ValueError(text)
    value = date.fromisoformat(text)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(text)
    return value


def parse_answer(step, raw):
    """The typed value of ``raw`` (the list of strings the URL holds for the question)."""
    filled = [value.strip() for value in raw if value.strip()]
    if step.kind == "multiple_choice":
        if not filled:
            raise AnswerError(_("Select at least one answer."))
        keys = dict(step.options())
        unknown = [value for value in filled if value not in keys]
        if unknown:
            raise AnswerError(
                _("“%(value)s” is not one of the answers. Select from the list.") % {"value": unknown[0]}
            )
        return tuple(key for key in keys if key in filled)
    last = raw[-1].strip() if raw else ""
    if step.kind == "choice":
        if not last:
            raise AnswerError(_("Select an answer."))
        if last not in dict(step.options()):
            raise AnswerError(
                _("“%(value)s” is not one of the answers. Select from the list.") % {"value": last}
            )
        return last
    if step.kind == "country":
        if not last:
            raise AnswerError(_("Select a country."))
        if not is_country(last.upper()):
            raise AnswerError(_("Select a country from the list."))
        return last.upper()
    if step.kind == "date":
        if not last:
            raise AnswerError(_("Enter a date."))
        try:
            return parse_date(last)
        except ValueError:
            raise AnswerError(_("Enter a real date, for example 2027-03-27.")) from None
    if not last:
        raise AnswerError(_("Enter a number."))
    if not NUMBER_PATTERN.match(last):
        raise AnswerError(_("Enter a whole number, for example 14."))
    number = int(last)
    low, high = step.value.get("min_value"), step.value.get("max_value")
    if low is not None and number < low:
        raise AnswerError(_("Enter a number of at least %(number)s.") % {"number": low})
    if high is not None and number > high:
        raise AnswerError(_("Enter a number of at most %(number)s.") % {"number": high})
    return number


def compare_value(kind, text):
    """A route's value typed like the answers of a ``kind`` question (ValueError if it cannot be)."""
    if kind == "number":
        return Decimal(text)
    if kind == "date":
        return parse_date(text)
    if kind == "country":
        return text.upper()
    return text


def route_holds(route, kinds, answers):
    """Whether a route's condition holds; an answer not given (another path) never matches."""
    key = route["question"]
    if key not in answers or key not in kinds:
        return False
    kind, answer = kinds[key], answers[key]
    try:
        values = [compare_value(kind, text) for text in values_of(route["values"])]
    except (ValueError, InvalidOperation):
        return False
    given = set(answer) if kind == "multiple_choice" else {answer}
    test = route["test"]
    if test == "in":
        return bool(given & set(values))
    if test == "not_in":
        return not given & set(values)
    if not values or kind not in ("number", "date"):
        return False
    return answer > values[0] if test == "gt" else answer < values[0]


def display(step, answer):
    """An answer as the reader sees it in the summary, in their language."""
    if step.kind == "choice":
        return dict(step.options()).get(answer, answer)
    if step.kind == "multiple_choice":
        labels = dict(step.options())
        return ", ".join(str(labels[key]) for key in answer)
    if step.kind == "country":
        return country_name(answer)
    if step.kind == "date":
        return format_date(answer, "long", locale=locale())
    unit = step.value.get("unit") or ""
    return f"{format_decimal(answer, locale=locale())} {unit}".strip()


def locale():
    return translation.to_locale(translation.get_language() or "id")


def query_value(answer):
    if isinstance(answer, date):
        return answer.isoformat()
    return str(answer)


@dataclass
class Answer:
    step: Step
    value: object

    def pairs(self):
        values = self.value if isinstance(self.value, tuple) else (self.value,)
        return [(self.step.key, query_value(value)) for value in values]

    @property
    def text(self):
        return display(self.step, self.value)


@dataclass
class Walk:
    """Where a reader is: the answers given in order, then a question or an outcome."""

    answers: list = field(default_factory=list)
    question: Step | None = None
    outcome: Step | None = None
    error: str | None = None
    chosen: object = None  # the answer shown selected on the question (?edit=)
    broken: bool = False  # a route leads to a step the flow lacks (an unvalidated flow)

    def values(self):
        return {answer.step.key: answer.value for answer in self.answers}

    def query(self, answers, **extra):
        pairs = [pair for answer in answers for pair in answer.pairs()]
        return "?" + urlencode(pairs + list(extra.items()))

    def hidden_fields(self):
        """The answers so far, carried by the question's form."""
        return [pair for answer in self.answers for pair in answer.pairs()]

    def change_query(self, index):
        """Back to the ``index``-th question with its answer chosen; later answers are dropped."""
        return self.query(self.answers[: index + 1], **{EDIT: self.answers[index].step.key})

    def back_query(self):
        """The previous question, or None on the first (the start page is the way back)."""
        return self.change_query(len(self.answers) - 1) if self.answers else None

    def summary(self):
        return [(answer, self.change_query(index)) for index, answer in enumerate(self.answers)]


class Flow:
    """A page's stream of blocks read as steps by key."""

    def __init__(self, stream):
        self.steps = {}
        for block in stream:
            key = block.value.get("key")
            if key and key not in self.steps:
                self.steps[key] = Step(key, block.block_type, block.value)
        self.first = next((step for step in self.steps.values() if step.is_question), None)
        self.kinds = {step.key: step.kind for step in self.steps.values() if step.is_question}

    def next_step(self, step, answers):
        for route in step.value.get("routes", []):
            if route_holds(route, self.kinds, answers):
                return self.steps.get(route["next"])
        if step.kind == "choice":
            option = next(option for option in step.value["options"] if option["key"] == answers[step.key])
            if option.get("next"):
                return self.steps.get(option["next"])
        return self.steps.get(step.value.get("next") or "")

    def answered_further(self, params, answers, step):
        """Whether the URL answers questions this one comes before: a skipped step."""
        return any(key in params for key in self.kinds if key not in answers and key != step.key)

    def walk(self, params):
        """Follow ``params`` (a QueryDict) from the first question."""
        result, answers, step = Walk(), {}, self.first
        edit = params.get(EDIT)
        while step is not None and step.is_question:
            if step.key in answers:  # a loop (only in a flow saved before validation)
                result.broken = True
                return result
            raw = params.getlist(step.key)
            if not raw or step.key == edit:
                result.question = step
                if not raw and step.key != edit and self.answered_further(params, answers, step):
                    result.error = _("Answer this question to continue.")
                if raw:
                    with suppress(AnswerError):  # an unusable answer is simply not pre-selected
                        result.chosen = parse_answer(step, raw)
                return result
            try:
                answers[step.key] = parse_answer(step, raw)
            except AnswerError as error:
                result.question, result.error = step, error.message
                return result
            result.answers.append(Answer(step, answers[step.key]))
            step = self.next_step(step, answers)
        if step is None:
            result.broken = True
        else:
            result.outcome = step
        return result


def computed_values(outcome, answers):
    """(label, text) for each value the outcome shows; one whose answer is missing is left out."""
    shown = []
    for calculation in outcome.value.get("values", []):
        answer = answers.get(calculation["question"])
        amount = calculation["amount"]
        if answer is None or amount is None:
            continue
        if calculation["calculation"] == "date_plus_days" and isinstance(answer, date):
            text = format_date(answer + timedelta(days=int(amount)), "long", locale=locale())
        elif calculation["calculation"] == "number_times_amount" and isinstance(answer, int):
            total = Decimal(answer) * amount
            currency = (calculation.get("unit") or "").upper()
            text = (
                format_currency(total, currency, locale=locale(), currency_digits=True)
                if currency
                else format_decimal(total, locale=locale())
            )
        else:
            continue
        shown.append((calculation["label"], text))
    return shown
