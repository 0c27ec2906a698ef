"""What search adds to the platform: its line in /readyz, its queue of index updates and its
periodic jobs (catch-up and retries of index updates); the search's main task; the glossary and
best bets as snippets, and the form adding a query to a concept, with the stylesheet of a
translator's concept form; the glossary term block of guides; the demo glossary
(docs/architecture.md, "Extension points")."""

from dataclasses import dataclass
from datetime import timedelta

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from core.main_tasks import MainTask
from core.periodic import PeriodicJob
from search import conf, demo, tasks, term_admin
from search.blocks import GlossaryTermBlock
from search.engines import configured_engine, database_engine
from search.engines.base import EngineUnavailable
from search.glossary_admin import BestBetViewSet, ConceptViewSet
from search.models import PendingUpdate


def check_engine():
    engine = configured_engine()
    if engine is database_engine():
        return "ok (database engine)"
    try:
        engine.info()
    except EngineUnavailable as error:
        return f"unreachable, answering from the database: {type(error.__cause__).__name__}"
    return "ok"


@hooks.register("sinergi_readiness_check")
def search_readiness():
    return ("search", check_engine)


@hooks.register("sinergi_waiting_work")
def waiting_index_updates(older_than):
    return {"index updates": PendingUpdate.objects.filter(created__lt=older_than).count()}


@hooks.register("register_periodic_jobs")
def periodic_jobs():
    return [
        PeriodicJob("search.catch_up", tasks.catch_up_and_process, timedelta(minutes=5)),
        PeriodicJob("search.retry", tasks.retry_failed, timedelta(seconds=30)),
    ]


@hooks.register("register_tunables")
def tunables():
    return conf.TUNABLES


@hooks.register("register_main_task")
def main_task():
    return MainTask(
        key="search",
        label=_("Search"),
        description=_("Search all guides and pages in your language."),
        url_name="search",
        order=20,
    )


register_snippet(ConceptViewSet)
register_snippet(BestBetViewSet)


@hooks.register("insert_global_admin_css")
def glossary_admin_css():
    """Loaded on every admin page (Wagtail has no hook for one snippet's form): its one rule
    applies only where a term's row is disabled."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/glossary-admin.css"))


@hooks.register("register_admin_urls")
def admin_urls():
    """The "add as a term" form: a query from the reports of what people could not find, into a concept."""
    return [path("glossary/add-term/", term_admin.AddTermView.as_view(), name=term_admin.URL_NAME)]


@hooks.register("register_guide_blocks")
def guide_blocks():
    """A guide can show a glossary concept's short definition (cms/blocks.py collects it)."""
    return [("glossary_term", GlossaryTermBlock())]


@dataclass(frozen=True)
class DemoGlossary:
    """What load_demo reads from a ``register_demo_content`` hook (cms.demo.extensions.DemoExtension,
    which search may not import): a key, a loader and an order."""

    key: str
    load: object
    order: int


@hooks.register("register_demo_content")
def demo_content():
    return DemoGlossary(key="glossary", load=demo.load, order=5)
