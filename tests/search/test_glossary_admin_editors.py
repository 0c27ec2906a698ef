"""The glossary and best-bet forms as editors see them: labels in the admin's language, Arabic
typed right to left, the glossary list searched by its terms, the admin in all four
languages, and the Editors group (not Officials) keeping the glossary and best bets."""

import html
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.users.models import UserProfile

from search import term_admin
from search.models import Concept

pytestmark = pytest.mark.django_db


def admin_page(client, url, language="en", **params):
    response = client.get(url, params, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def input_tag(page, name):
    return re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', page).group(0)


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("en", "Choose glossary concept", "Pilih konsep glosarium"),
        ("id", "Pilih konsep glosarium", "Choose glossary concept"),
    ],
)
def test_the_concept_chooser_speaks_the_admins_language(admin_client, language, shown, not_shown):
    page = admin_page(admin_client, reverse("wagtailsnippets_search_bestbet:add"), language)
    chooser = page[page.index('"fieldName": "concept"') :][:3000]
    assert shown in chooser and not_shown not in chooser


def test_concept_fields_are_labelled_in_the_admins_language(admin_client):
    page = admin_page(admin_client, reverse("wagtailsnippets_search_concept:add"))
    labels = [
        " ".join(label.split())
        for label in re.findall(r'<label class="w-field__label"[^>]*>(.*?)<', page, re.S)
    ]
    assert {"Indonesian", "English", "Arabic", "Simplified Chinese"} <= set(labels)
    assert not [label for label in labels if re.search(r"\[(ind|en|ar|zh-hans)\]", label)]
    page = admin_page(admin_client, reverse("wagtailsnippets_search_concept:add"), "id")
    assert '<label for="id_key" id="id_key-label"><span data-panel-heading-text>Kunci</span>' in page
    assert "Bahasa Indonesia" in page and "[ind]" not in page


def test_text_in_any_language_is_typed_in_its_own_direction(admin_client):
    concept = admin_page(admin_client, reverse("wagtailsnippets_search_concept:add"))
    assert 'dir="auto"' in input_tag(concept, "terms-0-text")
    assert 'dir="auto"' in input_tag(concept, "terms-__prefix__-text")
    best_bet = admin_page(admin_client, reverse("wagtailsnippets_search_bestbet:add"))
    assert 'dir="auto"' in input_tag(best_bet, "query") and 'dir="auto"' in input_tag(best_bet, "title")
    assert 'dir="ltr"' in input_tag(best_bet, "url")  # an address reads left to right
    assert 'maxlength="200"' in input_tag(best_bet, "query")


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("golden visa", "golden-visa"),
        ("Visa Emas", "golden-visa"),
        ("التذكرة", "tiket-kembali"),
        ("تذكرة العودة", "tiket-kembali"),
        ("临时居留", "kitas"),
        ("kitas", "kitas"),
    ],
)
def test_the_glossary_list_is_searched_by_terms_in_every_language(admin_client, typed, key):
    response = admin_client.get(reverse("wagtailsnippets_search_concept:list"), {"q": typed})
    assert key in [concept.key for concept in response.context["object_list"]]


def test_a_glossary_search_needs_every_word(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_search_concept:list"), {"q": "golden zzqx"})
    assert list(response.context["object_list"]) == []


@pytest.mark.parametrize(
    ("language", "direction", "word"), [("ar", "rtl", "البحث"), ("zh-hans", "ltr", "搜索")]
)
def test_the_admin_can_be_used_in_arabic_and_chinese(client, make_user, language, direction, word):
    assert language in dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES)
    user = make_user("admin", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    page = admin_page(client, "/admin/", "en")
    assert f'lang="{language}"' in page and f'dir="{direction}"' in page
    assert word in page
    page = admin_page(client, reverse("wagtailsnippets_search_concept:list"), "en")
    assert f'lang="{language}"' in page


QUERY = "zzqx qqzvw"


@pytest.fixture
def unanswered(client):
    for person in range(3):
        client.get("/en/search/", {"q": QUERY}, REMOTE_ADDR=f"10.0.0.{person + 1}")


def test_editors_keep_the_glossary_and_best_bets(client, make_user, unanswered):
    client.force_login(make_user("editor", "Editors"))
    report = admin_page(client, reverse("evaluation_admin_not_found"))
    back = reverse("evaluation_admin_not_found")
    assert html.unescape(term_admin.best_bet_url("en", QUERY, back)) in report
    assert html.unescape(term_admin.term_url("en", QUERY, back)) in report
    assert "Add a best bet" in report and "Add as a term" in report
    admin_page(client, term_admin.best_bet_url("en", QUERY, back))
    admin_page(client, term_admin.term_url("en", QUERY, back))
    admin_page(client, reverse("wagtailsnippets_search_bestbet:list"))
    concept = Concept.objects.get(key="kitas")
    admin_page(client, reverse("wagtailsnippets_search_concept:edit", args=[concept.pk]))
    wanted = {f"search.{action}_{model}" for action in ("add", "change", "delete") for model in MODELS}
    assert wanted <= _permissions(client)


MODELS = ("concept", "term", "bestbet")


def _permissions(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    return {perm for perm in user.get_all_permissions() if perm.startswith("search.")}


def test_officials_do_not_keep_the_glossary_or_best_bets(client, make_user, unanswered):
    client.force_login(make_user("official", "Officials"))
    report = client.get(reverse("evaluation_admin_not_found"), HTTP_ACCEPT_LANGUAGE="en")
    assert report.status_code != 200 or "Add a best bet" not in report.content.decode()
    assert client.get(reverse("wagtailsnippets_search_bestbet:add")).status_code != 200
    assert client.get(term_admin.term_url("en", QUERY)).status_code != 200
    assert _permissions(client) == set()


@pytest.mark.parametrize("language", ["ar", "en", "zh-hans"])
def test_the_concept_chooser_lists_concepts_in_the_admins_language(admin_client, language):
    """Wagtail names a concept by ``str`` in its chooser's list, the best bets' list and its
    messages: it was the first preferred term, Indonesian whatever the editor reads."""
    first = Concept.objects.order_by("key").first()  # on the chooser's first page
    label = first.label(language)
    assert label != first.preferred("id")  # named in the admin's language, Indonesian beside
    response = admin_client.get(
        reverse("wagtailsnippetchoosers_search_concept:choose"), HTTP_ACCEPT_LANGUAGE=language
    )
    assert label in html.unescape(response.json()["html"])
    with translation.override(language):
        assert str(first) == label


# Translators keep one language of the glossary.


def edit_form(concept):
    """The concept's edit form as the admin posts it back unchanged: every row and field."""
    data = {
        "key": concept.key,
        "terms-TOTAL_FORMS": str(concept.terms.count()),
        "terms-INITIAL_FORMS": str(concept.terms.count()),
        "terms-MIN_NUM_FORMS": "1",
        "terms-MAX_NUM_FORMS": "1000",
        "includes": [str(pk) for pk in concept.includes.values_list("pk", flat=True)],
        "see_also": [str(pk) for pk in concept.see_also.values_list("pk", flat=True)],
    }
    for code, _name in settings.LANGUAGES:
        field = build_localized_fieldname("definition", code)
        data[field] = getattr(concept, field) or ""
    for index, term in enumerate(concept.terms.order_by("sort_order")):
        data.update(
            {
                f"terms-{index}-id": str(term.pk),
                f"terms-{index}-language": term.language,
                f"terms-{index}-text": term.text,
                f"terms-{index}-kind": term.kind,
                f"terms-{index}-ORDER": str(index + 1),
                f"terms-{index}-DELETE": "",
            }
        )
    return data


def row_of(data, language):
    return next(
        key[: -len("-language")]
        for key, value in data.items()
        if key.endswith("-language") and value == language
    )


def added_row(data, language, text):
    index = int(data["terms-TOTAL_FORMS"])
    data.update(
        {
            f"terms-{index}-id": "",
            f"terms-{index}-language": language,
            f"terms-{index}-text": text,
            f"terms-{index}-kind": "everyday",
            f"terms-{index}-ORDER": str(index + 1),
            f"terms-{index}-DELETE": "",
            "terms-TOTAL_FORMS": str(index + 1),
        }
    )
    return data


@pytest.fixture
def translator(client, make_user):
    """A member of "Glossary translators (English)" (search/migrations/0012)."""
    client.force_login(make_user("translator", "Glossary translators (English)"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_a_translator_changes_the_terms_and_definition_of_their_language_only(translator):
    """Any editor could change every language: an English translator rewriting the Indonesian
    source, or removing its terms, went unchecked. What is posted for the other languages,
    the key and the related concepts is now ignored; their own language is saved."""
    concept = Concept.objects.get(key="kitas")
    before = {(term.language, term.text) for term in concept.terms.all()}
    data = edit_form(concept)
    data["key"] = "kitas-renamed"
    data["definition_ind"] = "diubah oleh penerjemah"
    data["definition_en"] = "A permit to live in Indonesia for a limited time."
    data["includes"] = [str(Concept.objects.get(key="kitap").pk)]
    data[f"{row_of(data, 'id')}-text"] = "izin diubah"
    data[f"{row_of(data, 'ar')}-DELETE"] = "on"
    english = row_of(data, "en")
    data[f"{english}-text"] = "temporary residence card"
    data = added_row(data, "en", "kitas card")
    response = translator.post(reverse("wagtailsnippets_search_concept:edit", args=[concept.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    concept.refresh_from_db()
    assert concept.key == "kitas" and not concept.includes.exists()
    assert concept.definition_ind != "diubah oleh penerjemah"
    assert concept.definition_en == "A permit to live in Indonesia for a limited time."
    after = {(term.language, term.text) for term in concept.terms.all()}
    assert {term for term in before if term[0] != "en"} <= after  # the other languages as they were
    assert {("en", "temporary residence card"), ("en", "kitas card")} <= after


def test_a_translator_adds_no_term_in_another_language(translator):
    concept = Concept.objects.get(key="kitas")
    data = added_row(edit_form(concept), "ar", "بطاقة كيتاس")
    response = translator.post(reverse("wagtailsnippets_search_concept:edit", args=[concept.pk]), data)
    assert response.status_code == 200  # the form again, with the reason
    assert not concept.terms.filter(text="بطاقة كيتاس").exists()
    assert "Select a valid choice" in html.unescape(response.content.decode())


def test_a_translator_sees_the_other_languages_read_only(translator):
    """The source stays in view: the Indonesian rows and definition are shown, disabled."""
    concept = Concept.objects.get(key="kitas")
    page = admin_page(translator, reverse("wagtailsnippets_search_concept:edit", args=[concept.pk]))
    data = edit_form(concept)
    indonesian = row_of(data, "id")
    english = row_of(data, "en")
    assert "disabled" in input_tag(page, f"{indonesian}-text")
    assert "disabled" not in input_tag(page, f"{english}-text")
    assert "disabled" in input_tag(page, "definition_ind")
    assert "disabled" not in input_tag(page, "definition_en")
    key = re.search(r'<input(?:[^>"]|"[^"]*")*name="key"(?:[^>"]|"[^"]*")*>', page).group(0)
    assert " disabled" in key
    assert re.search(r'<select name="includes"[^>]* disabled', page)


def test_a_translator_neither_adds_nor_deletes_concepts(translator):
    concept = Concept.objects.get(key="kitas")
    assert translator.get(reverse("wagtailsnippets_search_concept:add")).status_code != 200
    assert (
        translator.get(reverse("wagtailsnippets_search_concept:delete", args=[concept.pk])).status_code != 200
    )


def test_a_translator_adds_a_query_as_a_term_of_their_language_only(translator, unanswered):
    page = admin_page(translator, term_admin.term_url("en", QUERY))
    languages = re.search(r'<select name="language"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'value="([^"]+)"', languages) == ["en"]
    concept = Concept.objects.get(key="kitas")
    refused = translator.post(
        term_admin.term_url("en", QUERY),
        {"text": "kitas kartu", "language": "id", "concept": concept.pk, "kind": "variant"},
    )
    assert refused.status_code == 200 and not concept.terms.filter(text="kitas kartu").exists()
