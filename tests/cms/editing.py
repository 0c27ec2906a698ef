"""Driving the page editor in tests: the form the admin shows for a page, and what it posts back.

Rich text goes through the editor's own widget (Draftail's content state), as in a browser,
so a post carries the markup the admin writes back (``<b>``, ``data-block-key``), not the
markup the page was imported with. StreamFields are posted by the browser's scripts and are
not covered here (tests/browser/ drives them).
"""

from django import forms


def edit_form(page, user, data=None):
    form_class = page.specific_class.get_edit_handler().get_form_class()
    return form_class(data, instance=page, for_user=user, parent_page=page.get_parent())


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


def publish_in_admin(client, user, page, **changes):
    """Post the page editor's form for ``page`` with ``changes`` and press Publish."""
    data = editor_data(edit_form(page, user))
    data.update(changes)
    client.force_login(user)
    response = client.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response
