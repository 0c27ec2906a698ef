"""What the admin refuses when a smart answer is saved; each problem names its step."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.models import SmartAnswerPage
from cms.smart_answers.blocks import FlowBlock
from cms.smart_answers.validation import flow_problems

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are read in English here; the editor's admin language is used in the admin."""
    with translation.override("en"):
        yield


def test_messages_are_in_the_editors_language():
    with translation.override("id"):
        assert problems(question("choice", "a", [option("x")])) == [
            "Jawaban “x” pada pertanyaan “a” tidak menuju ke mana pun."
        ]


def option(key, next=""):
    return {"key": key, "label": key.title(), "next": next}


def question(kind, key, options=(), routes=(), next=""):
    value = {"key": key, "question": f"{key}?", "hint": "", "routes": list(routes), "next": next}
    if kind in ("choice", "multiple_choice"):
        value["options"] = list(options)
    return {"type": kind, "value": value}


def route(asked, test, values, next):
    return {"question": asked, "test": test, "values": values, "next": next}


def outcome(key, values=()):
    return {
        "type": "outcome",
        "value": {"key": key, "title": key, "body": "<p>x</p>", "values": list(values)},
    }


def problems(*steps):
    return flow_problems(FlowBlock().to_python(list(steps)))


def test_a_sound_flow_has_no_problems():
    assert (
        problems(
            question("choice", "purpose", [option("visit", "nationality"), option("work", "work")]),
            question(
                "country", "nationality", routes=[route("nationality", "in", "MY, SG", "free")], next="visa"
            ),
            outcome("free"),
            outcome("visa"),
            outcome("work"),
        )
        == []
    )


def test_an_unreachable_question_is_named():
    found = problems(
        question("choice", "a", [option("x", "end")]), question("number", "lost", next="end"), outcome("end")
    )
    assert found == ["Question “lost” cannot be reached from the first question."]


def test_an_outcome_no_path_reaches_is_named():
    found = problems(question("choice", "a", [option("x", "end")]), outcome("end"), outcome("orphan"))
    assert found == ["No path reaches outcome “orphan”."]


def test_a_loop_is_refused():
    found = problems(
        question("choice", "a", [option("x", "b"), option("y", "end")]),
        question("number", "b", routes=[route("b", "gt", "3", "a")], next="end"),
        outcome("end"),
    )
    assert found == ["Question “b” leads back to “a”: a flow may not loop."]


def test_an_answer_leading_nowhere_is_named():
    found = problems(question("choice", "a", [option("x", "end"), option("y")]), outcome("end"))
    assert found == ["Answer “y” of question “a” leads nowhere."]


def test_a_question_without_a_default_next_step_leads_nowhere():
    found = problems(
        question("date", "arrival", routes=[route("arrival", "gt", "2027-01-01", "end")]), outcome("end")
    )
    assert found == ["Question “arrival” leads nowhere when no condition holds: give it a next step."]


def test_a_next_step_that_does_not_exist_is_named():
    found = problems(question("choice", "a", [option("x", "ending")]), outcome("end"))
    assert "Question “a” leads to “ending”, which is not a step of this flow." in found


def test_duplicate_keys_and_an_outcome_first_are_refused():
    assert problems(outcome("end"), question("number", "a", next="end")) == [
        "The first step, “end”, must be a question."
    ]
    found = problems(question("number", "a", next="end"), outcome("end"), outcome("end"))
    assert "Two steps have the key “end”." in found


def test_keys_the_page_uses_in_its_address_are_refused():
    found = problems(question("number", "edit", next="start"), outcome("start"))
    assert found == [
        "“edit” is kept for the page’s own use; choose another key.",
        "“start” is kept for the page’s own use; choose another key.",
    ]


def test_conditions_must_use_answers_every_path_has_given():
    found = problems(
        question("choice", "a", [option("x", "b"), option("y", "c")]),
        question("number", "b", next="c"),
        question("choice", "c", [option("z", "end")], routes=[route("b", "gt", "3", "other")]),
        outcome("end"),
        outcome("other"),
    )
    assert found == ["A condition of question “c” uses “b”, which not every path asks before it."]


def test_condition_values_must_be_possible_answers():
    found = problems(
        question("choice", "a", [option("x", "b")], routes=[route("a", "gt", "3", "b")]),
        question("country", "b", routes=[route("b", "in", "MY, Atlantis", "end")], next="end"),
        outcome("end"),
    )
    assert found == [
        "A condition of question “a”: only numbers and dates are more or less than a value.",
        "A condition of question “a”: “3” is not a possible answer to “a”.",
        "A condition of question “b”: “Atlantis” is not a possible answer to “b”.",
    ]


def test_computed_values_need_an_answer_of_the_right_kind_on_every_path():
    fine = {
        "label": "Fine",
        "calculation": "number_times_amount",
        "question": "days",
        "amount": "1000000",
        "unit": "IDR",
    }
    found = problems(
        question("choice", "a", [option("x", "days"), option("y", "end")]),
        question("number", "days", next="end"),
        outcome("end", [fine, {**fine, "calculation": "date_plus_days", "label": "Last day"}]),
    )
    assert found == [
        "Outcome “end” computes “Fine” from “days”, which not every path asks.",
        "Outcome “end” computes “Last day” from “days”, which is not a question of the right kind.",
    ]


def test_the_page_refuses_a_translation_whose_structure_differs():
    page = SmartAnswerPage.objects.get(slug="melewati-izin-tinggal")
    page.full_clean()  # the sample is sound in every language
    data = list(page.flow_en.raw_data)
    step = next(block for block in data if block["value"]["key"] == "days_over")
    step["value"]["routes"][0]["value"]["values"] = "90"  # a list item: {"type", "value", "id"}
    page.flow_en = data
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert refused.value.message_dict == {
        "flow_en": [
            "Step “days_over” differs from the Indonesian flow: keys, answers, conditions and next steps "
            "must be the same in every language; only the texts are translated."
        ]
    }


def test_the_page_refuses_a_broken_flow_on_the_field_the_editor_sees(admin_client):
    page = SmartAnswerPage.objects.get(slug="visa-untuk-berkunjung")
    page.flow_ind = [block for block in page.flow_ind.raw_data if block["value"]["key"] != "work"]
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert refused.value.message_dict["flow_ind"] == [
        "Question “purpose” leads to “work”, which is not a step of this flow."
    ]
    # The admin's form has a field of that name, so the message is shown beside the flow.
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "flow_ind" in response.content.decode()


def test_the_outline_shows_editors_where_each_answer_leads():
    page = SmartAnswerPage.objects.get(slug="melewati-izin-tinggal")
    lines = page.outline()
    assert lines[0] == "days_over: Berapa hari Anda tinggal melewati izin tinggal?"
    assert "    days_over gt 60 → over_60" in lines
    assert "    Meninggalkan Indonesia dalam beberapa hari (leave) → pay_at_departure" in lines
    assert "[over_60] Lebih dari 60 hari: Anda dapat dideportasi dan ditangkal" in lines


def test_the_page_editor_shows_the_outline(admin_client):
    page = SmartAnswerPage.objects.get(slug="melewati-izin-tinggal")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert '<pre class="smart-answer-outline">days_over: Berapa hari' in html
    assert "    days_over gt 60 → over_60" in html
