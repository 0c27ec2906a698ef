"""The report of what people could not find leads in one step to a best bet or a glossary term
for a query, for editors who may make them, and shows no link to those who may not."""

import html

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from search import term_admin

pytestmark = pytest.mark.django_db

QUERY = "zzqx qqzvw"


@pytest.fixture
def unanswered(client):
    for person in range(3):
        client.get("/en/search/", {"q": QUERY}, REMOTE_ADDR=f"10.0.0.{person + 1}")


def grant(user, *codenames):
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="search", codename=codename))


def report(client):
    response = client.get(reverse("evaluation_admin_not_found"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def test_each_row_links_to_a_prefilled_best_bet_and_to_adding_it_as_a_term(client, make_user, unanswered):
    editor = make_user("editor", "Moderators")
    grant(editor, "add_bestbet", "change_concept")
    client.force_login(editor)
    page = report(client)
    best_bet = term_admin.best_bet_url("en", QUERY, reverse("evaluation_admin_not_found"))
    term = term_admin.term_url("en", QUERY, reverse("evaluation_admin_not_found"))
    assert f'href="{html.escape(best_bet)}"' in page and f'href="{html.escape(term)}"' in page
    # Each link's accessible name holds the query, not only "Add a best bet".
    assert f'Add a best bet<span class="w-sr-only"> – <bdi dir="auto">{QUERY}</bdi></span>' in page
    # The language by its name in the editor's language, the query marked as written in it.
    assert f'<td>English</td><td lang="en" dir="auto">{QUERY}</td>' in page
    form = client.get(best_bet).context["form"]
    assert (form["language"].value(), form["query"].value()) == ("en", QUERY)
    form = client.get(term).context["form"]
    assert (form["language"].value(), form["text"].value()) == ("en", QUERY)


def test_an_editor_sees_only_the_links_they_may_use(client, make_user, unanswered):
    editor = make_user("editor", "Moderators")
    client.force_login(editor)
    page = report(client)
    assert QUERY in page
    assert "Add a best bet" not in page and "Add as a term" not in page
    assert '<th scope="col">Actions</th>' not in page
    grant(editor, "add_bestbet")
    page = report(client)
    assert "Add a best bet" in page and "Add as a term" not in page
