"""A guide shows a glossary term with its short definition, in the reader's language or marked
as Indonesian when it has none there; a deleted concept shows nothing. cms gets the block from
search through the ``register_guide_blocks`` hook (cms/blocks.py). In the page editor the block's
chooser speaks the editor's language and names the chosen concept in it."""

import json
import re
from html import unescape

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from cms.blocks import GuideBodyBlock
from search.blocks import GlossaryTermBlock
from search.models import Concept, Term
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

SUFFIX = {"id": "ind", "en": "en", "ar": "ar", "zh-hans": "zh_hans"}


@pytest.fixture
def half_translated():
    """A concept with a term and a definition in Indonesian and English only."""
    concept = Concept.objects.create(
        key="kartu-zzq", definition_ind="Kartu untuk uji.", definition_en="A card for testing."
    )
    Term.objects.create(concept=concept, language="id", text="kartu zzq", kind="preferred")
    Term.objects.create(concept=concept, language="en", text="zzq card", kind="preferred")
    return concept


def with_terms(guide, *concepts):
    for suffix in SUFFIX.values():
        body = list(getattr(guide, f"body_{suffix}").raw_data)
        blocks = [{"type": "glossary_term", "value": concept.pk} for concept in concepts]
        setattr(guide, f"body_{suffix}", blocks + body)
    guide.save_revision().publish()
    guide.refresh_from_db()
    return guide


def aside(html):
    start = html.index('<aside class="callout callout--info glossary-term"')
    return html[start : html.index("</aside>", start)]


def test_the_guide_body_offers_the_glossary_term_block_from_search():
    assert isinstance(GuideBodyBlock().child_blocks["glossary_term"], GlossaryTermBlock)


def test_a_guide_shows_the_term_and_definition_in_each_language(client, guide):
    kitas = Concept.objects.get(key="kitas")
    with_terms(guide, kitas)
    expected = {
        "id": ("KITAS", "Izin bagi orang asing", 'lang="id" dir="ltr"'),
        "en": ("limited stay permit", "Permission for a foreign national", 'lang="en" dir="ltr"'),
        "ar": ("تصريح الإقامة المؤقتة", "إذن للأجنبي", 'lang="ar" dir="rtl"'),
        "zh-hans": ("临时居留证", "外国人在印度尼西亚", 'lang="zh-hans" dir="ltr"'),
    }
    for language, (term, definition, marks) in expected.items():
        response = client.get(url_in(guide, language))
        assert response.status_code == 200
        shown = aside(response.content.decode())
        assert marks in shown
        assert f"<dfn>{term}</dfn>: <span>{definition}" in shown
        assert f'href="/{language}/search/glossary/#kitas"' in shown


def test_a_missing_translation_falls_back_to_indonesian_marked_with_lang(client, guide, half_translated):
    with_terms(guide, half_translated)
    english = aside(client.get(url_in(guide, "en")).content.decode())
    assert "<dfn>zzq card</dfn>: <span>A card for testing.</span>" in english
    arabic = aside(client.get(url_in(guide, "ar")).content.decode())
    assert 'lang="ar" dir="rtl"' in arabic
    assert (
        '<dfn lang="id" dir="ltr">kartu zzq</dfn>: <span lang="id" dir="ltr">Kartu untuk uji.</span>'
        in arabic
    )


def test_a_deleted_concept_renders_nothing(client, guide, half_translated):
    with_terms(guide, half_translated)
    half_translated.delete()
    response = client.get(url_in(guide, "en"))
    assert response.status_code == 200
    assert "glossary-term" not in response.content.decode()


def test_the_block_reads_a_guides_concepts_in_two_queries(django_assert_num_queries, half_translated):
    kitas = Concept.objects.get(key="kitas")
    block = GlossaryTermBlock()
    with django_assert_num_queries(2):
        values = block.bulk_to_python([kitas.pk, half_translated.pk, 999999])
        with translation.override("en"):
            assert [block.render(value).strip() != "" for value in values] == [True, True, False]


def test_the_guides_document_holds_the_term_and_definition_it_shows(guide, half_translated):
    with_terms(guide, half_translated)
    with translation.override("en"):
        body = guide.body.stream_block.get_searchable_content(guide.body)
    assert "zzq card" in body and "A card for testing." in body


def test_editors_can_choose_a_concept_in_the_guide_editor(admin_client, guide):
    with_terms(guide, Concept.objects.get(key="kitas"))
    response = admin_client.get(f"/admin/pages/{guide.pk}/edit/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Glossary term" in response.content.decode()


def packed(node):
    """Every dict and list of the page editor's packed blocks (telepath), depth first."""
    yield node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        yield from packed(child)


def guide_editor(client, guide):
    """The glossary term block as the page editor's scripts get it: the markup of its concept
    chooser, and the label of each concept the guide shows."""
    page = client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    found = re.findall(r'data-w-block-(?:data|arguments)-value="([^"]*)"', page)
    nodes = [node for text in found for node in packed(json.loads(unescape(text))) if isinstance(node, dict)]
    chooser = next(
        node["_args"][1]["_args"][0]
        for node in nodes
        if node.get("_type") == "wagtail.blocks.FieldBlock" and node["_args"][0] == "glossary_term"
    )
    chosen = {node["value"]["string"] for node in nodes if node.get("type") == "glossary_term"}
    return chooser, chosen


# Wagtail's msgids for the chooser's texts, looked up in its catalogues.
CHOOSER_TEXTS = ("Choose %(object)s", "Choose another %(object)s", "Edit this %(object)s")


@pytest.mark.parametrize(
    "languages",
    [("ar", "en", "zh-hans", "id"), ("en", "ar", "id", "zh-hans")],  # whichever comes first
)
def test_the_guide_editor_names_concepts_in_the_admins_language(client, make_user, guide, languages):
    kitas = Concept.objects.get(key="kitas")
    with_terms(guide, kitas)
    user = make_user("admin", is_superuser=True, is_staff=True)
    client.force_login(user)
    labels = {
        "id": "KITAS",
        "en": "limited stay permit (\u2068KITAS\u2069)",  # the Indonesian term beside, isolated
        "ar": "تصريح الإقامة المؤقتة (\u2068KITAS\u2069)",
        "zh-hans": "临时居留证 (\u2068KITAS\u2069)",
    }
    for language in languages:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        chooser, chosen = guide_editor(client, guide)
        with translation.override(language):
            texts = [gettext(text) % {"object": Concept._meta.verbose_name} for text in CHOOSER_TEXTS]
        assert all(text in chooser for text in texts), language
        assert chosen == {labels[language]}
