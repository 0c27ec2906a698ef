"""Adding a query to the glossary in one step ("add as a term") and starting a best bet from a
query: the forms the report of what people could not find links to."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from search import glossary, term_admin
from search.engines.database import concepts
from search.models import BestBet, Concept, Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def glossary_editor(client, make_user):
    user = make_user("lexicographer", "Editors")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="search", codename="change_concept"),
        Permission.objects.get(content_type__app_label="search", codename="add_bestbet"),
    )
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def post_term(client, text, language, concept, kind="variant", back="/admin/reports/not-found/"):
    data = {"text": text, "language": language, "concept": concept.pk, "kind": kind, "next": back}
    return client.post(reverse(term_admin.URL_NAME), data)


def test_the_form_shows_the_query_and_concepts_by_their_term_in_its_language(glossary_editor):
    response = glossary_editor.get(term_admin.term_url("en", "stay card", "/admin/reports/not-found/"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["text"].value() == "stay card" and form["language"].value() == "en"
    kitas = Concept.objects.get(key="kitas")
    assert (str(kitas.pk), "limited stay permit (\u2068KITAS\u2069)") in form.fields["concept"].choices
    page = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in page
    assert reverse("wagtailsnippets_search_concept:add") in page  # "or create a new concept"


def test_a_posted_term_is_added_and_the_next_search_uses_it(glossary_editor):
    kitas = Concept.objects.get(key="kitas")
    assert not any("izin tinggal terbatas" in options for options in concepts("stay card zzq", "en"))
    response = post_term(glossary_editor, "stay card zzq", "en", kitas, kind="everyday")
    assert response.status_code == 302 and response["Location"] == "/admin/reports/not-found/"
    assert kitas.terms.filter(language="en", text="stay card zzq", kind="everyday").exists()
    options = concepts("stay card zzq", "en")
    assert any("izin tinggal terbatas" in alternatives for alternatives in options)  # the KITAS concept
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["“stay card zzq” is now a term of “limited stay permit”."]


def test_a_term_of_another_concept_is_refused_with_the_reason_and_the_values_kept(glossary_editor):
    kitas = Concept.objects.get(key="kitas")
    before = Term.objects.count()
    response = post_term(glossary_editor, "Paspor", "id", kitas, kind="misspelling")
    assert response.status_code == 200 and Term.objects.count() == before
    page = response.content.decode()
    assert "is already a term of" in page and 'role="alert"' in page
    form = response.context["form"]
    assert (form["text"].value(), form["language"].value(), form["kind"].value()) == (
        "Paspor",
        "id",
        "misspelling",
    )
    assert str(form["concept"].value()) == str(kitas.pk)


def test_a_term_the_concept_already_has_is_refused(glossary_editor):
    kitas = Concept.objects.get(key="kitas")
    response = post_term(glossary_editor, "kitaz", "id", kitas)
    assert response.status_code == 200
    assert "is listed twice" in response.content.decode()
    assert kitas.terms.filter(text="kitaz").count() == 1


def test_an_expansion_too_wide_is_refused(glossary_editor, settings):
    wide = Concept.objects.get(key="izin-tinggal")
    long_term = " ".join(f"k{index}" for index in range(60))[:120]  # 40 words
    response = post_term(glossary_editor, long_term, "id", wide)
    assert response.status_code == 200
    assert f"at most {glossary.MAX_EXPANSION_WORDS} are allowed" in response.content.decode()
    assert "words in Arabic;" in response.content.decode()  # the language by its name, not "ar"


def test_an_editor_without_the_right_to_change_concepts_cannot_add_a_term(client, make_user):
    client.force_login(make_user("editor", "Moderators"))
    kitas = Concept.objects.get(key="kitas")
    before = kitas.terms.count()
    # Answered as Wagtail's own views answer (core/permissions.py): back to the dashboard
    # with its message, or 403 for a script.
    assert client.get(term_admin.term_url("en", "x")).url == reverse("wagtailadmin_home")
    assert post_term(client, "stay card", "en", kitas).url == reverse("wagtailadmin_home")
    forbidden = client.get(term_admin.term_url("en", "x"), HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert forbidden.status_code == 403
    assert kitas.terms.count() == before


def test_an_outside_next_address_is_not_followed(glossary_editor):
    kitas = Concept.objects.get(key="kitas")
    response = post_term(glossary_editor, "stay card zzq", "en", kitas, back="https://evil.example/")
    assert response["Location"] == reverse("wagtailsnippets_search_concept:edit", args=[kitas.pk])


def test_a_best_bet_form_starts_from_the_query(glossary_editor):
    response = glossary_editor.get(term_admin.best_bet_url("en", "  where  is my kitas "))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["language"].value() == "en" and form["query"].value() == "where is my kitas"
    plain = glossary_editor.get(reverse("wagtailsnippets_search_bestbet:add"))
    assert plain.context["form"]["query"].value() in ("", None)


def test_a_best_bet_saved_from_the_report_returns_to_the_report(glossary_editor, guide):
    back = "/admin/reports/not-found/"
    form_page = glossary_editor.get(term_admin.best_bet_url("en", "kitas card", back))
    assert 'name="next"' in form_page.content.decode() or "next=" in form_page.context["action_url"]
    data = {"language": "en", "query": "kitas card", "page": guide.pk, "position": 1, "url": "", "title": ""}
    response = glossary_editor.post(form_page.context["action_url"], data)
    assert response.status_code == 302 and response["Location"] == back
    assert BestBet.objects.filter(query="kitas card", page=guide).exists()
    outside = term_admin.best_bet_url("en", "kitas card 2", "https://evil.example/")
    data["query"] = "kitas card 2"
    response = glossary_editor.post(glossary_editor.get(outside).context["action_url"], data)
    assert response.status_code == 302 and "evil" not in response["Location"]
