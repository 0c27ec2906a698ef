"""Editors draft, moderators publish; the admin speaks Indonesian and English."""

import pytest
from wagtail.models import Workflow, WorkflowState
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_editor_cannot_publish_but_moderator_can(make_user, guide):
    editor = make_user("editor", "Editors")
    moderator = make_user("moderator", "Moderators")
    assert guide.permissions_for_user(editor).can_edit()
    assert not guide.permissions_for_user(editor).can_publish()
    assert guide.permissions_for_user(moderator).can_publish()


def test_guides_go_through_the_moderation_workflow(make_user, guide):
    workflow = guide.get_workflow()
    assert isinstance(workflow, Workflow) and workflow.active
    editor = make_user("editor", "Editors")
    moderator = make_user("moderator", "Moderators")

    guide.title_ind = "Visa kunjungan (revisi)"
    revision = guide.save_revision(user=editor)
    state = workflow.start(guide, editor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    guide.refresh_from_db()
    assert guide.title_ind != "Visa kunjungan (revisi)"  # not live until approved

    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.user_can_access_editor(guide, moderator)
    assert not task.user_can_access_editor(guide, editor) or not task.get_actions(guide, editor)
    task.on_action(task_state, moderator, "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    guide.refresh_from_db()
    assert guide.live_revision_id == revision.pk
    assert guide.title_ind == "Visa kunjungan (revisi)"


def test_editor_submits_through_admin_form(client, make_user, guide):
    editor = make_user("editor", "Editors")
    client.force_login(editor)
    response = client.get(edit_url(guide))
    assert response.status_code == 200
    content = response.content.decode()
    for suffix in ("ind", "en", "ar", "zh_hans"):
        assert f'name="title_{suffix}"' in content
        assert f'name="summary_{suffix}"' in content
    assert "action-publish" not in content


@pytest.mark.parametrize(("language", "phrase"), [("id", "Halaman"), ("en", "Pages")])
def test_admin_interface_in_indonesian_and_english(client, make_user, language, phrase):
    user = make_user("admin", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    assert phrase in response.content.decode()


def test_outdated_translations_report_lists_pages(client, make_user, guide):
    guide.summary_ind = guide.summary_ind + " Diubah."
    guide.save_revision().publish()
    user = make_user("moderator", "Moderators")
    client.force_login(user)
    response = client.get("/admin/reports/outdated-translations/")
    assert response.status_code == 200
    content = response.content.decode()
    assert guide.title_ind in content
    assert "English" in content


def test_edit_view_warns_about_outdated_translations(client, make_user, guide):
    guide.summary_ind = guide.summary_ind + " Diubah."
    guide.save_revision().publish()
    client.force_login(make_user("editor", "Editors"))
    content = client.get(edit_url(guide)).content.decode()
    assert "out of date" in content
