"""schemathesis: generated requests to every API operation answer as the OpenAPI
schema says (status codes, content types, response bodies), never with a 500.

The schema is built in-process by the same generator that serves /api/v1/openapi.json
(tested in test_api.py) and the requests go through the project's WSGI application
inside the test's database transaction, so they see the demo content.
(schemathesis' fixture-based loader does not work with pytest 9, hence from_dict.)

schemathesis builds its cases while this module is collected, seconds in every test
process before `-m "not slow"` could deselect them, so `make test-fast` does not collect
this module at all (--ignore in the Makefile).
"""

import pytest
import schemathesis
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from cms.api.urls import public_schema
from config.wsgi import application

pytestmark = pytest.mark.slow

schema = schemathesis.openapi.from_dict(public_schema())
schema.app = application


@pytest.fixture(autouse=True)
def _api_for_many_requests(db, limits):
    limits("cms", API_RATE="100000/minute")
    caches["pages"].clear()
    # Django closes "old" connections around each request; inside the test's transaction
    # that would close it (PostgreSQL). Its test client avoids this the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
# derandomize: the same generated requests on every run, so CI never fails by chance;
# raise max_examples locally to explore further.
@hypothesis_settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
def test_api_answers_as_its_schema_says(case):
    case.call_and_validate()
