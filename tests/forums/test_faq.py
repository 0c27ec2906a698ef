"""An answered question becomes an FAQ item of its guide: a draft revision with a link back."""

import pytest

from cms.models import GuidePage
from forums import faq
from forums.models import ModerationLog, Thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered():
    return Thread.objects.visible().get(title="Can I extend a visa on arrival a second time?")


def test_the_faq_step_appends_a_draft_block_with_a_link(answered, make_user):
    editor = make_user("editor", group="Editors")
    guide = GuidePage.objects.get(pk=answered.guide_id)
    live_blocks = len(guide.body_en)
    revision = faq.add_to_guide(answered, editor)
    draft = revision.as_object()
    assert len(draft.body_en) == live_blocks + 1
    block = draft.body_en[-1]
    assert block.block_type == "faq"
    item = block.value[0]
    assert item["question"] == answered.title
    assert "extended **once**" not in item["answer"] and "extended once" in item["answer"]
    assert f"/en/forums/thread/{answered.pk}/" in item["answer"]
    guide.refresh_from_db()
    assert len(guide.body_en) == live_blocks  # the live page is unchanged until published
    assert guide.has_unpublished_changes
    answered.refresh_from_db()
    assert answered.faq_guide_id == guide.pk
    assert ModerationLog.objects.filter(thread=answered, action="faq", actor=editor).exists()


def test_open_questions_cannot_become_faq_items(make_user):
    thread = Thread.objects.visible().get(title="Apakah sponsor visa kunjungan harus warga negara Indonesia?")
    with pytest.raises(faq.CannotConvert):
        faq.add_to_guide(thread, make_user("editor2", group="Editors"))


def test_in_the_admin_in_one_step(client, answered, make_user):
    editor = make_user("editor3", group="Editors")
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    response = client.post(f"/admin/forums/threads/{answered.pk}/", {"action": "faq"})
    assert response.status_code == 302
    assert ModerationLog.objects.filter(thread=answered, action="faq").exists()
    answered.refresh_from_db()
    assert answered.faq_guide_id == answered.guide_id


def test_the_admin_offers_the_faq_step_only_for_what_can_become_an_faq_item(client, answered, make_user):
    open_question = Thread.objects.visible().get(
        title="Apakah sponsor visa kunjungan harus warga negara Indonesia?"
    )
    assert faq.convertible(answered) and not faq.convertible(open_question)
    client.force_login(make_user("editor4", group="Editors", is_staff=True))
    offered = 'name="action" value="faq"'
    assert offered in client.get(f"/admin/forums/threads/{answered.pk}/").content.decode()
    assert offered not in client.get(f"/admin/forums/threads/{open_question.pk}/").content.decode()
    Thread.objects.filter(pk=answered.pk).update(merged_into=open_question)
    answered.refresh_from_db()
    assert not faq.convertible(answered)  # answered, but no longer visible
