"""Shared fixtures: the demo site is loaded once into the test database, with the database
search engine's index of it (on SQLite, copied from a template built once: see
tests/demo_database.py).

Tests run inside a transaction that is rolled back, so each one sees the demo
site as loaded and may change it freely.
"""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.models import GuidePage, HomePage, TopicPage
from search import glossary, pipeline
from search.engines import database_engine
from tests import demo_database
from tests.redis_server import RedisServer, find_redis_server


@pytest.fixture(scope="session")
def demo_template():
    """The fingerprinted copy of the built SQLite database (tests/demo_database.py), or None
    on PostgreSQL."""
    if connection.vendor != "sqlite":
        return None
    return demo_database.Template(f"demo-{demo_database.fingerprint()}")


@pytest.fixture(scope="session")
def schema_template():
    """The migrated, empty SQLite database, or None on PostgreSQL."""
    if connection.vendor != "sqlite":
        return None
    return demo_database.Template(f"schema-{demo_database.schema_fingerprint()}")


@pytest.fixture(scope="session")
def django_db_use_migrations(request, demo_template, schema_template):
    """With a template at hand, the test database gets bare tables (no migrations, ~1 s)
    which the template then replaces whole."""
    if any(template is not None and template.exists() for template in (demo_template, schema_template)):
        return False
    return not request.config.getvalue("nomigrations")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, demo_template, schema_template):
    with django_db_blocker.unblock():
        if demo_template is not None and demo_template.exists():
            demo_template.restore(connection)
            return
        if schema_template is not None:
            if schema_template.exists():
                schema_template.restore(connection)
            else:
                schema_template.save(connection, [])
        call_command("load_demo", verbosity=0)
        database_engine().rebuild(pipeline.all_documents())
        if demo_template is not None:
            media = [d.file.name for d in get_document_model().objects.all()]
            media += [i.file.name for i in get_image_model().objects.all()]
            demo_template.save(connection, media)


DEMO_GLOSSARY = "demo"


@pytest.fixture(autouse=True)
def _clear_caches():
    """Each test starts with empty caches (in memory, config/test_settings.py): figures,
    pages or limits cached by an earlier test would make results depend on test order.

    The glossary's stamp alone is put back to one fixed value, which stands for the demo
    glossary: a process then keeps the glossary it read until a test changes it (a saved term
    gives a new stamp, search.glossary.changed), instead of reading it again for every test
    (75 ms each, about 20 s of a run)."""
    for alias in ("default", "pages"):
        caches[alias].clear()
    caches["default"].set(glossary.STAMP_KEY, DEMO_GLOSSARY, timeout=None)


@pytest.fixture(autouse=True)
def _fresh_search_results(settings):
    """Each test searches the index as it left it; tests/search/test_result_cache.py
    tests the results cache with it on."""
    settings.SEARCH_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    translation.activate("id")


@pytest.fixture
def empty_caches():
    """Both caches empty before and after: for tests of cached answers (API, pages), which
    would otherwise see what an earlier test left."""
    caches["pages"].clear()
    caches["default"].clear()
    yield
    caches["pages"].clear()
    caches["default"].clear()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def topic(db):
    return TopicPage.objects.get(slug="visa")


@pytest.fixture
def guide(db):
    """A guide translated into all four languages."""
    return GuidePage.objects.get(slug="visa-kunjungan")


@pytest.fixture
def english_only_guide(db):
    """A guide in Indonesian and English only (no Arabic or Chinese)."""
    return next(
        page for page in GuidePage.objects.live().order_by("path") if "ar" not in page.translation_state
    )


@pytest.fixture
def make_user(django_user_model):
    def make(username, group=None, **extra):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "pw-test-1234", **extra
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def limits(settings):
    """``limits("forums", POST_LIMIT=2)``: set tunables (core/tunables.py) for one test, on top
    of what other fixtures set."""

    def set_limits(app, **values):
        current = settings.SINERGI_LIMITS
        settings.SINERGI_LIMITS = {**current, app: {**current.get(app, {}), **values}}

    return set_limits


# A real Redis server for the tests of shared caches. Without ``redis-server`` (Debian:
# apt-get install redis-server) they are skipped with the reason, except under CI=true,
# where a missing server is a failure.
@pytest.fixture(scope="session")
def redis_server():
    binary = find_redis_server()
    if binary is None:
        reason = "no redis-server for the cache tests (Debian: apt-get install redis-server)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason} (required in CI)")
        pytest.skip(reason)
    server = RedisServer(binary)
    server.start()
    yield server
    server.remove()
