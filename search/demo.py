"""The demo glossary: concepts of Indonesian immigration in the four languages
(search/demo_data/glossary.json), loaded by ``load_demo`` through the search app's
``register_demo_content`` hook.

Terms are written compactly: the first is the preferred term, the others are variants
unless prefixed ``a:`` (acronym), ``x:`` (expansion of an acronym), ``e:`` (everyday word)
or ``m:`` (common misspelling). Sources: Law 6/2011 on Immigration and its regulations,
the Directorate General of Immigration's public service pages (visas, stay permits,
passports, M-Paspor), UNHCR Indonesia and the Ministry of Manpower's pages on foreign
workers. Idempotent: a concept that exists (by key) is left as it is.
"""

import json
from pathlib import Path

from django.db import transaction

from search.models import Concept, Term

DATA = Path(__file__).resolve().parent / "demo_data" / "glossary.json"
KINDS = {"a": "acronym", "x": "expansion", "e": "everyday", "m": "misspelling"}
FIELD_SUFFIX = {"id": "ind", "en": "en", "ar": "ar", "zh-hans": "zh_hans"}


def parse(term):
    """("kind", "text") of a compact term ("a:KITAS" is an acronym)."""
    prefix, colon, text = term.partition(":")
    if colon and prefix in KINDS:
        return KINDS[prefix], text
    return "variant", term


def concepts():
    return json.loads(DATA.read_text(encoding="utf-8"))


@transaction.atomic
def load(progress=None):
    data = concepts()
    existing = set(Concept.objects.values_list("key", flat=True))
    created = {}
    for item in data:
        if item["key"] in existing:
            continue
        definitions = {f"definition_{FIELD_SUFFIX[code]}": text for code, text in item["definition"].items()}
        concept = Concept.objects.create(key=item["key"], **definitions)
        terms = []
        for language, listed in item["terms"].items():
            for position, term in enumerate(listed):
                kind, text = parse(term)
                kind = Term.PREFERRED if position == 0 else kind
                terms.append(
                    Term(concept=concept, language=language, text=text, kind=kind, sort_order=len(terms))
                )
        Term.objects.bulk_create(terms)
        created[item["key"]] = concept
    by_key = {concept.key: concept for concept in Concept.objects.all()}
    for item in data:
        concept = created.get(item["key"])
        if concept is None:
            continue
        concept.includes.set([by_key[key] for key in item["includes"]])
        concept.see_also.set([by_key[key] for key in item["see_also"]])
        concept.save()
    if progress and created:
        progress(f"  {len(created)} glossary concepts")
    return len(created)
