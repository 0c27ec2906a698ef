"""When the database cannot be reached, readers get a clear 503 page (and API
clients a JSON 503), both with Retry-After, never a traceback; then the site
answers normally again without anyone stepping in.

The failure is injected with Django's query hook (``connection.execute_wrapper``),
which raises the OperationalError Django raises for a lost server; a real
PostgreSQL restart under load is exercised by ``bench/load`` (see docs/performance.md).
"""

import pytest
from django.db import OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db


def unreachable(execute, sql, params, many, context):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_pages_and_api_answer_503_while_the_database_is_down_then_recover(visitor, guide):
    url = guide.get_url()
    with connection.execute_wrapper(unreachable):
        page = visitor.get("/en/", HTTP_ACCEPT_LANGUAGE="en")
        arabic = visitor.get("/ar/", HTTP_ACCEPT_LANGUAGE="ar")
        api = visitor.get("/api/v1/guides/")
    assert page.status_code == 503 and page["Retry-After"] == "30"
    text = page.content.decode()
    assert "The service is busy for a moment" in text and "may not have been saved" in text
    assert "Traceback" not in text and "5432" not in text and "OperationalError" not in text
    assert arabic.status_code == 503 and 'dir="rtl"' in arabic.content.decode()
    assert api.status_code == 503 and api["Content-Type"] == "application/json" and api["Retry-After"] == "30"
    assert visitor.get(url).status_code == 200


def test_other_errors_stay_500(visitor, monkeypatch):
    from cms.api import content

    def broken(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(content.GuideViewSet, "get_queryset", broken)
    response = visitor.get("/api/v1/guides/")
    assert (
        response.status_code == 500
        and "Retry-After" not in response
        and "a bug" not in response.content.decode()
    )
