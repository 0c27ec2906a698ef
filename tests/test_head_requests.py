"""HEAD is allowed wherever GET is (link checkers, monitors and caches send HEAD): the public
pages answer it, and no view is declared GET-only or GET-and-POST without HEAD."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from forums.models import Thread

ROOT = Path(__file__).resolve().parent.parent
APPS = ("core", "cms", "search", "agenda", "forums", "complaints", "evaluation")


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "complaints:file",
        "complaints:filed",
        "complaints:track",
        "complaints:status",
        "complaints:statistics",
        "forums:index",
        "search",
        "evaluation:dashboard",
    ],
)
def test_public_pages_answer_head(client, name):
    response = client.head(en(name))
    assert response.status_code in (200, 302), response.status_code
    assert response.content == b""


@pytest.mark.django_db
def test_a_forum_board_and_thread_answer_head(client):
    thread = Thread.objects.visible().select_related("board").order_by("pk").first()
    with translation.override("en"):
        board_url, thread_url = thread.board.get_absolute_url(), thread.get_absolute_url()
    assert client.head(board_url).status_code == 200
    assert client.head(thread_url).status_code == 200


def test_no_view_refuses_head_where_it_serves_get():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            source = path.read_text()
            if "require_GET" in source:
                offenders.append(f"{path.relative_to(ROOT)}: require_GET (use require_safe)")
            for methods in re.findall(r"require_http_methods\(\[([^\]]*)\]\)", source):
                if '"GET"' in methods and '"HEAD"' not in methods:
                    offenders.append(f"{path.relative_to(ROOT)}: require_http_methods([{methods}])")
    assert offenders == []
