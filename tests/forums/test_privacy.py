"""Addresses deleted after the retention period; data download; account deletion."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forums import services
from forums.models import Member, Post

from .conftest import en, signed_in

pytestmark = pytest.mark.django_db


def test_ip_addresses_are_deleted_after_90_days(asker, board, trusted):
    _thread, recent = services.start_thread(
        asker, board, "question", "Recent one", "Recent", "en", "10.0.0.1"
    )
    _thread, old = services.start_thread(asker, board, "question", "Old one", "Old", "en", "10.0.0.2")
    Post.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    call_command("run_periodic", "--once", "--force", "forums.ip_retention")
    assert Post.objects.get(pk=old.pk).ip_address is None
    assert Post.objects.get(pk=recent.pk).ip_address == "10.0.0.1"


def test_a_member_downloads_their_data(client, asker, board, trusted):
    services.start_thread(asker, board, "question", "My own question", "My own text", "en", "10.0.0.9")
    signed_in(client, asker)
    response = client.get(en("download_data"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["display_name"] == "Asker"
    assert data["account"]["email"] == "asker@example.org"
    assert [post["text"] for post in data["posts"]] == ["My own text"]
    assert "10.0.0.9" not in response.content.decode()


def test_the_download_needs_sign_in(client):
    assert client.get(en("download_data")).status_code == 302


def test_deleting_the_account_keeps_posts_under_deleted_member(client, asker, board, trusted):
    thread, post = services.start_thread(
        asker, board, "question", "Question that stays", "It stays", "en", "10.0.0.7"
    )
    signed_in(client, asker)
    wrong = client.post(en("delete_account"), {"password": "wrong"})
    assert wrong.status_code == 400
    response = client.post(en("delete_account"), {"password": "pw-test-1234"})
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="asker").exists()
    assert not Member.objects.filter(display_name="Asker").exists()
    post.refresh_from_db()
    assert post.author is None and post.ip_address is None
    html = client.get(en("thread", thread.pk)).content.decode()
    assert "It stays" in html and "Deleted member" in html


def test_profile_changes_display_name_and_language(client, asker, make_member):
    make_member("taken")
    signed_in(client, asker)
    taken = client.post(en("profile"), {"display_name": "TAKEN", "language": "ar"})
    assert taken.status_code == 400 and "taken" in taken.content.decode()
    client.post(en("profile"), {"display_name": "New Name", "language": "ar", "notify_replies": ""})
    asker.refresh_from_db()
    assert (asker.display_name, asker.language, asker.notify_replies) == ("New Name", "ar", False)


def test_the_profile_leads_to_the_password_and_email_pages(client, asker):
    """A member had no way from the forums to change their password or address."""
    signed_in(client, asker)
    html = client.get(en("profile")).content.decode()
    for name in ("account_change_password", "account_email"):
        assert f'href="{reverse(name)}"' in html
        assert client.get(reverse(name)).status_code == 200
