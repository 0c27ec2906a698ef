"""What the admin refuses when a smart answer is saved, each problem naming its step.

A reader must never be stranded: every answer leads somewhere, every step can be
reached, no path goes round in a circle, and a condition or a computed value only
uses answers that every path to it has given. Translations must keep the structure
of the Indonesian flow (keys, answers, routes), since the answers in a shared URL
and the language switcher rely on it.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .blocks import QUESTION_KINDS
from .countries import is_country
from .flow import RESERVED_KEYS, parse_date, values_of


def steps_of(stream):
    return [(block.block_type, block.value) for block in stream]


def targets(kind, value):
    """Every step key a question can lead to (options, conditions, its default)."""
    found = [route["next"] for route in value.get("routes", [])]
    if kind == "choice":
        found += [option.get("next") or value.get("next") for option in value["options"]]
    else:
        found.append(value.get("next"))
    return [key for key in found if key]


class Checker:
    def __init__(self, stream):
        self.problems = []
        self.kinds, self.values, self.order = {}, {}, []
        for kind, value in steps_of(stream):
            key = value.get("key")
            if key in self.kinds:
                self.problems.append(_("Two steps have the key “%(key)s”.") % {"key": key})
                continue
            if key in RESERVED_KEYS:
                self.problems.append(
                    _("“%(key)s” is kept for the page’s own use; choose another key.") % {"key": key}
                )
            self.kinds[key], self.values[key] = kind, value
            self.order.append(key)

    def add(self, message, **names):
        self.problems.append(message % names)

    def run(self):
        if not self.order:
            return self.problems
        first = self.order[0]
        if self.kinds[first] not in QUESTION_KINDS:
            self.add(_("The first step, “%(key)s”, must be a question."), key=first)
            return self.problems
        for key in self.order:
            if self.kinds[key] in QUESTION_KINDS:
                self.check_question(key)
        if self.problems:
            return self.problems
        reachable = self.reachable(first)
        for key in self.order:
            if key not in reachable:
                if self.kinds[key] in QUESTION_KINDS:
                    self.add(_("Question “%(key)s” cannot be reached from the first question."), key=key)
                else:
                    self.add(_("No path reaches outcome “%(key)s”."), key=key)
        loop = self.find_loop(first)
        if loop:
            self.add(
                _("Question “%(key)s” leads back to “%(target)s”: a flow may not loop."),
                key=loop[0],
                target=loop[1],
            )
        if not self.problems:
            self.check_answers_used(self.answered_on_every_path(first))
        return self.problems

    def check_question(self, key):
        kind, value = self.kinds[key], self.values[key]
        if kind in ("choice", "multiple_choice"):
            keys = [option["key"] for option in value["options"]]
            if not keys:
                self.add(_("Question “%(key)s” has no answers to choose from."), key=key)
            for option in {option for option in keys if keys.count(option) > 1}:
                self.add(
                    _("Question “%(key)s” has two answers with the key “%(option)s”."), key=key, option=option
                )
        if kind == "choice":
            for option in value["options"]:
                target = option.get("next") or value.get("next")
                if not target:
                    self.add(
                        _("Answer “%(option)s” of question “%(key)s” leads nowhere."),
                        option=option["key"],
                        key=key,
                    )
                else:
                    self.check_target(key, target)
        else:
            if not value.get("next"):
                self.add(
                    _("Question “%(key)s” leads nowhere when no condition holds: give it a next step."),
                    key=key,
                )
            else:
                self.check_target(key, value["next"])
        for route in value.get("routes", []):
            self.check_target(key, route["next"])
            self.check_route(key, route)

    def check_target(self, key, target):
        if target not in self.kinds:
            self.add(
                _("Question “%(key)s” leads to “%(target)s”, which is not a step of this flow."),
                key=key,
                target=target,
            )

    def check_route(self, key, route):
        asked = route["question"]
        if self.kinds.get(asked) not in QUESTION_KINDS:
            self.add(
                _("A condition of question “%(key)s” uses “%(asked)s”, which is not a question."),
                key=key,
                asked=asked,
            )
            return
        kind, values = self.kinds[asked], values_of(route["values"])
        if not values:
            self.add(_("A condition of question “%(key)s” has no values."), key=key)
        if route["test"] in ("gt", "lt") and kind not in ("number", "date"):
            self.add(
                _("A condition of question “%(key)s”: only numbers and dates are more or less than a value."),
                key=key,
            )
        for text in values:
            if not self.value_fits(kind, asked, text):
                self.add(
                    _(
                        "A condition of question “%(key)s”: “%(value)s” is not a possible answer to “%(asked)s”."
                    ),
                    key=key,
                    value=text,
                    asked=asked,
                )

    def value_fits(self, kind, asked, text):
        if kind in ("choice", "multiple_choice"):
            return text in [option["key"] for option in self.values[asked]["options"]]
        if kind == "country":
            return is_country(text.upper())
        try:
            parse_date(text) if kind == "date" else Decimal(text)
        except (ValueError, InvalidOperation):
            return False
        return True

    def edges(self, key):
        if self.kinds[key] not in QUESTION_KINDS:
            return []
        return list(dict.fromkeys(targets(self.kinds[key], self.values[key])))

    def reachable(self, first):
        seen, queue = {first}, [first]
        while queue:
            for target in self.edges(queue.pop()):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return seen

    def find_loop(self, first):
        """(from, to) of an edge going back to a step on the current path, or None."""
        state = {}

        def visit(key):
            state[key] = "open"
            for target in self.edges(key):
                if state.get(target) == "open":
                    return key, target
                if target not in state:
                    found = visit(target)
                    if found:
                        return found
            state[key] = "done"
            return None

        return visit(first)

    def answered_on_every_path(self, first):
        """{step: questions answered on every path from the first question to it} (no loops)."""
        order, seen = [], set()

        def visit(key):  # depth-first post-order, reversed below: a topological order
            seen.add(key)
            for target in self.edges(key):
                if target not in seen:
                    visit(target)
            order.append(key)

        visit(first)
        answered = {first: set()}
        for key in reversed(order):
            for target in self.edges(key):
                before = answered[key] | {key}
                answered[target] = answered[target] & before if target in answered else before
        return answered

    def check_answers_used(self, answered):
        for key in self.order:
            value = self.values[key]
            if self.kinds[key] in QUESTION_KINDS:
                for route in value.get("routes", []):
                    if route["question"] != key and route["question"] not in answered[key]:
                        self.add(
                            _(
                                "A condition of question “%(key)s” uses “%(asked)s”, which not every path asks before it."
                            ),
                            key=key,
                            asked=route["question"],
                        )
                continue
            for calculation in value.get("values", []):
                self.check_calculation(key, calculation, answered[key])

    def check_calculation(self, key, calculation, answered):
        asked = calculation["question"]
        wanted = "date" if calculation["calculation"] == "date_plus_days" else "number"
        if self.kinds.get(asked) != wanted:
            self.add(
                _(
                    "Outcome “%(key)s” computes “%(label)s” from “%(asked)s”, which is not a question of the right kind."
                ),
                key=key,
                label=calculation["label"],
                asked=asked,
            )
        elif asked not in answered:
            self.add(
                _("Outcome “%(key)s” computes “%(label)s” from “%(asked)s”, which not every path asks."),
                key=key,
                label=calculation["label"],
                asked=asked,
            )


def flow_problems(stream):
    """The flow's problems as sentences for editors; empty when it can be published."""
    return Checker(stream).run()


def structure(stream):
    """(key, shape) per step: everything but the texts, which alone may differ by language."""
    shapes = []
    for kind, value in steps_of(stream):
        shape = [kind, value.get("next") or ""]
        shape += [(option["key"], option.get("next") or "") for option in value.get("options", [])]
        shape += [
            (route["question"], route["test"], route["values"], route["next"])
            for route in value.get("routes", [])
        ]
        shape += [value.get("min_value"), value.get("max_value")]
        shape += [
            (item["calculation"], item["question"], str(item["amount"]), item.get("unit") or "")
            for item in value.get("values", [])
        ]
        shapes.append((value.get("key"), shape))
    return shapes


def structure_difference(source, translated):
    """The key of the first step where a translation's structure differs, or None."""
    mine, theirs = structure(source), structure(translated)
    for (key, shape), (other_key, other_shape) in zip(mine, theirs, strict=False):
        if key != other_key or shape != other_shape:
            return other_key or key
    if len(mine) != len(theirs):
        longer = mine if len(mine) > len(theirs) else theirs
        return longer[min(len(mine), len(theirs))][0]
    return None
