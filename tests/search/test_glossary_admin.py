"""The glossary in the Wagtail admin (refusals with their reasons) and the public glossary page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search import glossary
from search.models import Concept, Term

pytestmark = pytest.mark.django_db


def concept_form(key, terms, includes=()):
    data = {
        "key": key,
        "definition_ind": "",
        "definition_en": "",
        "definition_ar": "",
        "definition_zh_hans": "",
        "terms-TOTAL_FORMS": str(len(terms)),
        "terms-INITIAL_FORMS": "0",
        "terms-MIN_NUM_FORMS": "0",
        "terms-MAX_NUM_FORMS": "1000",
        "includes": [str(pk) for pk in includes],
    }
    for index, (language, text, kind) in enumerate(terms):
        data.update(
            {
                f"terms-{index}-language": language,
                f"terms-{index}-text": text,
                f"terms-{index}-kind": kind,
                f"terms-{index}-ORDER": str(index),
                f"terms-{index}-DELETE": "",
                f"terms-{index}-id": "",
            }
        )
    return data


@pytest.fixture
def editor(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return admin_client


def add(admin_client, data):
    return admin_client.post(reverse("wagtailsnippets_search_concept:add"), data)


def test_an_editor_adds_a_concept_with_its_terms(editor):
    response = add(editor, concept_form("kartu-pelajar", [("id", "kartu pelajar asing", "preferred")]))
    assert response.status_code == 302
    assert Concept.objects.get(key="kartu-pelajar").terms.count() == 1


def test_a_cycle_is_refused_with_its_reason(editor):
    wide = Concept.objects.get(key="izin-tinggal")  # includes kitas
    kitas = Concept.objects.get(key="kitas")
    terms = [(term.language, term.text, term.kind) for term in kitas.terms.all()]
    data = concept_form("kitas", terms, includes=[wide.pk])
    data["terms-INITIAL_FORMS"] = "0"
    for term in kitas.terms.all():
        term.delete()  # edit as a new set of rows
    response = editor.post(reverse("wagtailsnippets_search_concept:edit", args=[kitas.pk]), data)
    assert response.status_code == 200
    assert "a cycle" in response.content.decode()


def test_an_expansion_into_too_many_words_is_refused_with_its_reason(editor):
    terms = [("id", "kata banyak", "preferred")] + [
        ("id", f"ungkapan{index} panjang{index} sekali{index}", "variant") for index in range(30)
    ]
    response = add(editor, concept_form("terlalu-banyak", terms))
    assert response.status_code == 200
    assert f"at most {glossary.MAX_EXPANSION_WORDS} are allowed" in response.content.decode()
    assert not Concept.objects.filter(key="terlalu-banyak").exists()


def test_the_concept_form_names_every_other_concept_without_a_query_each(editor):
    """The "includes" and "see also" lists name each concept by its terms in the admin's
    language: read with their terms at once, not two queries per concept and list (540 for
    the demo glossary's 137 concepts, which grows with every concept an editor adds)."""
    url = reverse("wagtailsnippets_search_concept:edit", args=[Concept.objects.get(key="kitas").pk])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(url).status_code == 200
        return len(captured)

    before = queries()
    for number in range(20):
        concept = Concept.objects.create(key=f"uji-{number}")
        Term.objects.create(concept=concept, language="id", text=f"istilah uji {number}", kind=Term.PREFERRED)
    assert queries() - before < 5


def test_the_public_glossary_page_in_each_language(client):
    for language, term, local in [
        ("en", "limited stay permit", "KITAS"),
        ("ar", "تصريح الإقامة المؤقتة", "KITAS"),
        ("zh-hans", "临时居留证", "KITAS"),
        ("id", "KITAS", ""),
    ]:
        html = client.get(f"/{language}/search/glossary/").content.decode()
        assert term in html and 'id="kitas"' in html
        if local:
            assert f"({local})" in html  # the Indonesian term people see on documents
