"""The page editor refuses to delete a session people registered for."""

from agenda import registration as seats
from agenda.models import EventSession

from .editing import edit_form, editor_data


def test_a_session_with_registrations_cannot_be_deleted_but_an_empty_one_can(make_user, make_event):
    editor = make_user("penyunting", "Editors")
    page = make_event([{"days": 10}, {"days": 17}, {"days": 24}])
    first, second, _third = page.sessions.order_by("sort_order")
    seats.register(first.pk, {"name": "Ani", "email": "ani@example.org", "consent": True})
    data = editor_data(edit_form(page, editor))
    assert edit_form(page, editor, data).is_valid()

    index = [part.instance.pk for part in edit_form(page, editor).formsets["sessions"].forms].index(first.pk)
    refused = edit_form(page, editor, {**data, f"sessions-{index}-DELETE": "on"})
    assert not refused.is_valid()
    assert "cannot be deleted" in str(refused.non_field_errors()) or "tidak dapat dihapus" in str(
        refused.non_field_errors()
    )

    index = [part.instance.pk for part in edit_form(page, editor).formsets["sessions"].forms].index(second.pk)
    allowed = edit_form(page, editor, {**data, f"sessions-{index}-DELETE": "on"})
    assert allowed.is_valid(), allowed.errors
    assert EventSession.objects.filter(pk=first.pk).exists()
