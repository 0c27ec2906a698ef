"""Search test fixtures: the database index filled from the demo site, and a real OpenSearch node.

The OpenSearch node is the project's own launcher (search/launcher.py) running the
Maven Central artifacts. Tests that need it are marked ``engine``. Without Java or
Maven they are skipped with the reason; under CI=true they fail instead.
"""

import os
import uuid

import pytest

from search import pipeline, service
from search.engines.remote import RemoteEngine
from search.models import SearchEntry
from search.text import phrase


@pytest.fixture
def indexed(db):
    """The database engine's index of the demo content: built once for the run with the demo
    site (tests/conftest.py); each test's rollback puts it back as it was."""
    service.reset()
    yield
    service.reset()


def _missing(reason):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture
def add_entry(db):
    """Puts a guide holding ``text`` straight into the database engine's index."""

    def add(text, language="en"):
        key = uuid.uuid4().hex[:8]
        return SearchEntry.objects.create(
            source="test",
            object_id=key,
            language=language,
            kind="guide",
            title=text,
            url=f"/{language}/test/{key}/",
            search_text=phrase(text),
        )

    return add


@pytest.fixture(scope="session")
def opensearch_url(tmp_path_factory):
    from search import launcher

    url = os.environ.get("OPENSEARCH_TEST_URL")
    if url:
        yield url
        return
    already_running = launcher.health(launcher.node_url(launcher.DEFAULT_PORT)) is not None
    problem = launcher.missing_tools()
    if problem and not already_running:
        _missing(f"no OpenSearch for engine tests: {problem}")
    try:
        yield launcher.start(progress=lambda message: None)
    except launcher.LauncherError as error:
        _missing(f"OpenSearch could not be started: {error}")
    if not already_running:  # leave a developer's own node alone, stop the one we started
        launcher.stop()


def _engine_params():
    params = ["opensearch"]
    if os.environ.get("ELASTICSEARCH_TEST_URL"):
        params.append("elasticsearch")
    return params


@pytest.fixture(params=_engine_params())
def remote(request, opensearch_url, db):
    """A remote engine with its own index prefix, dropped after the test."""
    if request.param == "elasticsearch":
        engine = RemoteEngine(
            "elasticsearch", os.environ["ELASTICSEARCH_TEST_URL"], prefix=f"t{uuid.uuid4().hex[:8]}"
        )
    else:
        engine = RemoteEngine("opensearch", opensearch_url, prefix=f"t{uuid.uuid4().hex[:8]}")
    yield engine
    engine.drop()


@pytest.fixture
def remote_indexed(remote):
    remote.rebuild(pipeline.all_documents())
    return remote
