"""The page editor refuses to delete a session people registered for."""

from django import forms

from agenda import registration as seats
from agenda.models import EventPage, EventSession


def editor_data(form):
    """What the admin's edit form would post back for a page left as it is."""
    data = {}

    def put(part):
        for name, field in part.fields.items():
            bound = part[name]
            value, widget = bound.value(), field.widget
            if isinstance(widget, forms.Select) and not widget.allow_multiple_selected:
                pass
            elif not isinstance(value, list | tuple):
                value = widget.format_value(value)
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif value is not None:
                data[bound.html_name] = value

    put(form)
    for formset in form.formsets.values():
        total = str(len(formset.forms))
        data.update({f"{formset.prefix}-TOTAL_FORMS": total, f"{formset.prefix}-INITIAL_FORMS": total})
        data.update({f"{formset.prefix}-MIN_NUM_FORMS": "0", f"{formset.prefix}-MAX_NUM_FORMS": "1000"})
        for part in formset.forms:
            put(part)
    return data


def edit_form(page, user, data=None):
    form_class = EventPage.get_edit_handler().get_form_class()
    return form_class(data, instance=page, for_user=user, parent_page=page.get_parent())


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
