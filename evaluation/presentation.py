"""Turns dashboard figures into what the page shows: labelled rows and bar lengths.

Kept out of the templates so they only lay things out. Bars are drawn as SVG
rectangles whose width is a percentage of the largest value; each bar carries its
number as text, so the chart reads without colour, and a table beside it holds
the same figures.
"""

from cms.models import TopicPage


def bars(rows):
    """rows: [(label, value or None)] -> [{label, value, percent}] with percent of the largest."""
    largest = max((value for _label, value in rows if value), default=0)
    return [
        {
            "label": label,
            "value": value,
            "percent": round(100 * value / largest, 1) if value and largest else 0,
        }
        for label, value in rows
    ]


def topic_titles():
    return {topic.slug: topic.title for topic in TopicPage.objects.live()}


def helpfulness_rows(data):
    titles = topic_titles()
    return bars(
        [(titles.get(row["topic"], row["topic"]), row["helpful_percent"]) for row in data["helpfulness"]]
    )


def region_rows(data, online_label):
    return bars(
        [
            (online_label if row["region"] == "online" else row["region"], row["people"])
            for row in data["events"]["people_by_region"]
        ]
    )


def complaint_rows(data, key):
    from complaints.models import Category, Status

    labels = dict(Category.choices) | dict(Status.choices)
    return bars([(labels.get(code, code), value) for code, value in data["complaints"][key].items()])


def evaluation_rounds():
    from evaluation.models import EvaluationRoundPage

    return EvaluationRoundPage.objects.live().public().order_by("-period_end")[:5]


def is_empty(data):
    """True when nothing happened in the period: the page says so instead of showing zeros."""
    guides = data["guides"]
    return not (
        guides["published"]
        or guides["updated"]
        or any(row["ratings"] for row in data["helpfulness"])
        or data["events"]["sessions_held"]
        or data["forums"]["questions"]
        or data["complaints"]["total"]
    )


def suggestion_rows(data):
    from forums.models import SuggestionStatus

    labels = dict(SuggestionStatus.choices)
    return bars(
        [(labels.get(code, code), value) for code, value in data["forums"]["suggestions_by_status"].items()]
    )
