"""Every app's admin views refuse people without their permission the way Wagtail's own do
(core/permissions.py): to the sign-in page when signed out, to the dashboard with Wagtail's
message when signed in, a 403 for script requests."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db

# (URL name, arguments, the group of a signed-in person who may use the admin but not this view)
VIEWS = [
    ("cms_outdated_translations", {}, "Event organisers"),
    ("cms_subscriber_counts", {}, "Event organisers"),
    ("evaluation_admin_helpfulness", {}, "Event organisers"),
    ("evaluation_admin_page_helpfulness", {"page_id": 3}, "Event organisers"),
    ("evaluation_admin_event_feedback", {}, "Event organisers"),
    ("evaluation_admin_not_found", {}, "Event organisers"),
    ("search_admin_add_term", {}, "Moderators"),  # Editors keep the glossary (search 0010)
    ("agenda_admin_sessions", {}, "Editors"),
    ("agenda_admin_session", {"pk": 1}, "Editors"),
    ("agenda_admin_export", {"pk": 1, "file_format": "csv"}, "Editors"),
    ("agenda_admin_message", {"pk": 1}, "Editors"),
    ("forums_admin:queue", {}, "Editors"),
    ("forums_admin:post", {"pk": 1}, "Editors"),
    ("forums_admin:thread", {"pk": 1}, "Event organisers"),  # editors may convert threads
    ("forums_admin:member", {"pk": 1}, "Editors"),
    ("forums_admin:log", {}, "Editors"),
    ("complaints_admin:queue", {}, "Editors"),
    ("complaints_admin:detail", {"pk": 1}, "Editors"),
    ("complaints_admin:attachment", {"pk": 1}, "Editors"),
]


@pytest.mark.parametrize(("name", "kwargs", "group"), VIEWS)
def test_signed_out_visitors_are_sent_to_the_admin_sign_in(client, name, kwargs, group):
    url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "next=" in response["Location"]


@pytest.mark.parametrize(("name", "kwargs", "group"), VIEWS)
def test_people_without_the_permission_get_wagtails_refusal(client, make_user, name, kwargs, group):
    client.force_login(make_user("someone", group))
    url = reverse(name, kwargs=kwargs)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    dashboard = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "you do not have permission to access this area" in dashboard
    assert client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403


def test_either_forum_permission_opens_a_thread(client, make_user):
    """Moderators and the editors who turn answers into FAQ items both open threads."""
    client.force_login(make_user("editor", "Editors"))
    assert client.get(reverse("forums_admin:queue")).status_code == 302
    thread_url = reverse("forums_admin:thread", kwargs={"pk": 1})
    assert client.get(thread_url).status_code in (200, 404)


def test_attachments_need_both_handling_and_personal_data(client, make_user):
    personal_only = make_user("personal", "Editors")
    personal_only.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    client.force_login(personal_only)
    response = client.get(reverse("complaints_admin:attachment", kwargs={"pk": 1}))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
