"""What editors build a smart answer from: questions and outcomes as StreamField blocks.

Every step has a key, unique in the flow and stable across languages: answers are kept
in the URL under the question's key (``?purpose=tourism``), and routes name the step
they lead to by its key. The structure (keys, options, routes, values) must be the same
in every language; only the texts are translated (``validation.py`` checks it).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.blocks import RICH_TEXT_FEATURES

KEY_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"
KEY_HELP = _("Lower-case letters, digits and _; stays the same in every language.")
NEXT_HELP = _("Key of the question or outcome that comes next.")

TESTS = [
    ("in", _("is one of")),
    ("not_in", _("is none of")),
    ("gt", _("is more than")),
    ("lt", _("is less than")),
]


def key_block(**kwargs):
    return blocks.RegexBlock(
        regex=KEY_PATTERN,
        label=_("Key"),
        help_text=KEY_HELP,
        error_messages={"invalid": KEY_HELP},
        **kwargs,
    )


def next_block(required=True):
    return blocks.RegexBlock(
        regex=KEY_PATTERN,
        label=_("Next step"),
        help_text=NEXT_HELP,
        required=required,
        error_messages={"invalid": KEY_HELP},
    )


class RouteBlock(blocks.StructBlock):
    """A condition on an answer given so far (this question's or an earlier one's)."""

    question = key_block()
    test = blocks.ChoiceBlock(choices=TESTS, label=_("Test"))
    values = blocks.CharBlock(
        label=_("Values"),
        max_length=2000,
        help_text=_(
            "Separated by commas: option keys, country codes (FR, MY), a number, or a date (2027-01-31)."
        ),
    )
    next = next_block()

    class Meta:
        label = _("Condition")
        icon = "arrow-right"


class OptionBlock(blocks.StructBlock):
    key = key_block()
    label = blocks.CharBlock(label=_("Answer"), max_length=200)
    next = next_block(required=False)


class MultipleOptionBlock(blocks.StructBlock):
    key = key_block()
    label = blocks.CharBlock(label=_("Answer"), max_length=200)


class QuestionBlock(blocks.StructBlock):
    """Fields every question has; the routes are tried in order, the first that holds wins."""

    key = key_block()
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    hint = blocks.TextBlock(label=_("Hint"), required=False)
    routes = blocks.ListBlock(RouteBlock(), label=_("Conditions"), default=[])
    next = next_block(required=False)


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(
        OptionBlock(), label=_("Answers"), help_text=_("Each answer leads to its next step.")
    )

    class Meta:
        label = _("Question: one answer")
        icon = "radio-full"


class MultipleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(MultipleOptionBlock(), label=_("Answers"))

    class Meta:
        label = _("Question: several answers")
        icon = "tasks"


class DateQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Question: a date")
        icon = "date"


class NumberQuestionBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(label=_("Smallest number"), required=False)
    max_value = blocks.IntegerBlock(label=_("Largest number"), required=False)
    unit = blocks.CharBlock(label=_("Unit"), max_length=40, required=False, help_text=_("For example: days"))

    class Meta:
        label = _("Question: a number")
        icon = "order"


class CountryQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Question: a country")
        icon = "site"


CALCULATIONS = [
    ("date_plus_days", _("date answer + days")),
    ("number_times_amount", _("number answer × amount")),
]


class CalculationBlock(blocks.StructBlock):
    """A value shown on an outcome, computed from an answer (a stay's last day, a fine)."""

    label = blocks.CharBlock(label=_("Label"), max_length=200)
    calculation = blocks.ChoiceBlock(choices=CALCULATIONS, label=_("Calculation"))
    question = key_block()
    amount = blocks.DecimalBlock(label=_("Days or amount"), decimal_places=2)
    unit = blocks.CharBlock(
        label=_("Currency"), max_length=3, required=False, help_text=_("For amounts: a code such as IDR.")
    )


class OutcomeBlock(blocks.StructBlock):
    key = key_block()
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES + ["h3"], label=_("Text"))
    values = blocks.ListBlock(CalculationBlock(), label=_("Computed values"), default=[])

    class Meta:
        label = _("Outcome")
        icon = "success"


class FlowBlock(blocks.StreamBlock):
    """The flow starts at its first question."""

    choice = ChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    date = DateQuestionBlock()
    number = NumberQuestionBlock()
    country = CountryQuestionBlock()
    outcome = OutcomeBlock()


QUESTION_KINDS = ("choice", "multiple_choice", "date", "number", "country")
