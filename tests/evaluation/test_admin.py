"""Editors see helpfulness, comments and event feedback; the public does not."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from evaluation.models import PageRating

pytestmark = pytest.mark.django_db


def test_reports_need_an_editor(client, make_user):
    for name in (
        "evaluation_admin_helpfulness",
        "evaluation_admin_event_feedback",
        "evaluation_admin_not_found",
    ):
        assert client.get(reverse(name)).status_code == 302  # to the login page
    client.force_login(make_user("organiser", "Event organisers"))
    assert client.get(reverse("evaluation_admin_helpfulness")).status_code in (302, 403)


def test_editors_see_least_helpful_pages_and_comments(client, make_user, guide):
    PageRating.objects.create(
        page=guide, language="en", helpful=False, comment="Fee table missing", visitor="x1"
    )
    client.force_login(make_user("editor", "Editors"))
    report = client.get(reverse("evaluation_admin_helpfulness"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert guide.title in report or guide.title_ind in report
    detail = client.get(
        reverse("evaluation_admin_page_helpfulness", kwargs={"page_id": guide.pk})
    ).content.decode()
    assert "Fee table missing" in detail
    feedback = client.get(reverse("evaluation_admin_event_feedback")).content.decode()
    assert "Penjelasan petugas sangat membantu." in feedback  # demo survey answers


def test_weekly_digest_goes_to_page_owners(make_user, guide, outbox):
    owner = make_user("owner")
    guide.owner = owner
    guide.save(update_fields=["owner"])
    PageRating.objects.create(page=guide, language="id", helpful=True, comment="Jelas sekali", visitor="x2")
    call_command("run_periodic", "--once", "--force", "evaluation.weekly_digest")
    (message,) = [message for message in outbox() if message.to == [owner.email]]
    assert "Jelas sekali" in message.body
