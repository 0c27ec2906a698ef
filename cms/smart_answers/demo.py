"""The sample smart answers (``cms/demo/data/smart_answers.json``), loaded after the core demo.

Each flow is written once with its texts in four languages; the loader builds one stream
per language from it, so the structure is the same in every language by construction.
Links in outcomes name pages by slug (``{page:kitas-kerja}``) and are turned into
Wagtail page links here; ``topics`` names the topic pages that list the flow by slug.
Idempotent, like the core loader: a flow already there is kept.
"""

import re

from django.db import transaction
from wagtail.models import Page

from cms.demo.loader import DATA_DIR, read_json, set_translations
from cms.models import HomePage, SmartAnswerIndexPage, SmartAnswerPage, TopicPage

LANGUAGES = ("id", "en", "ar", "zh-hans")
PAGE_LINK = re.compile(r"\{page:([a-z0-9-]+)\}")
TEXTS = {"question", "hint", "label", "title", "body", "unit"}


def page_ids(text):
    def page_id(match):  # the page nearest the root with that slug (slugs are unique per parent)
        return str(
            Page.objects.filter(slug=match.group(1)).order_by("depth", "path").values_list("pk", flat=True)[0]
        )

    return PAGE_LINK.sub(page_id, text)


def localised(value, language):
    """The step as it reads in ``language``: each {language: text} replaced by its text."""
    if isinstance(value, list):
        return [localised(item, language) for item in value]
    if isinstance(value, dict) and set(value) == set(LANGUAGES):
        return page_ids(value[language])
    if isinstance(value, dict):
        return {key: localised(item, language) for key, item in value.items()}
    return value


def stream(steps, language):
    data = []
    for step in steps:
        value = {key: localised(item, language) for key, item in step.items() if key != "type"}
        value.setdefault("routes", [])
        value.setdefault("next", "")
        if step["type"] == "outcome":
            value.pop("routes")
            value.pop("next")
            value.setdefault("values", [])
        data.append({"type": step["type"], "value": value})
    return data


@transaction.atomic
def load(progress=None):
    data = read_json(DATA_DIR / "smart_answers.json")
    home = HomePage.objects.get()
    created = 0
    section = data["section"]
    index = SmartAnswerIndexPage.objects.child_of(home).filter(slug=section["slug"]).first()
    if index is None:
        index = SmartAnswerIndexPage(slug=section["slug"], show_in_menus=False)
        set_translations(index, "title", section["title"])
        set_translations(index, "intro", section["intro"])
        set_translations(index, "search_description", section["intro"])
        home.add_child(instance=index)
        index.save_revision().publish()
        created += 1
    # Created in an order where every flow a flow links to exists; listed in the section's order.
    for item in data["flows"]:
        if SmartAnswerPage.objects.child_of(index).filter(slug=item["slug"]).exists():
            continue
        if progress:
            progress(f"smart answer {item['slug']}")
        page = SmartAnswerPage(slug=item["slug"])
        set_translations(page, "title", item["title"])
        set_translations(page, "intro", item["intro"])
        set_translations(page, "search_description", item["intro"])
        set_translations(page, "flow", {language: stream(item["steps"], language) for language in LANGUAGES})
        index.add_child(instance=page)
        page.topics.set(TopicPage.objects.child_of(home).filter(slug__in=item.get("topics", [])))
        page.save_revision().publish()
        created += 1
    if created:
        for slug in reversed(section["order"]):
            SmartAnswerPage.objects.child_of(index).get(slug=slug).move(index, pos="first-child")
    return created
