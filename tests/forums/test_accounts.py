"""Sign-up with a display name and language, email verification, then posting; demo and home task."""

import re

import pytest
from django.core.exceptions import ValidationError

from core.emails import send_pending
from core.models import OutgoingEmail
from forums.accounts import clean_display_name
from forums.models import OFFICIALS_GROUP, Board, Member, Post, Thread

from .conftest import en

pytestmark = pytest.mark.django_db


def confirmation_link(address):
    email = OutgoingEmail.objects.filter(to=address).latest("pk")
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", email.body).group(0)


def sign_up(client, **overrides):
    data = {
        "email": "newperson@example.org",
        "display_name": "New Person",
        "language": "en",
        "password1": "a-Long-pass-phrase-93",
        "password2": "a-Long-pass-phrase-93",
        **overrides,
    }
    return client.post("/en/accounts/signup/", data, HTTP_ACCEPT_LANGUAGE="en")


def test_sign_up_verify_then_post(client, django_capture_on_commit_callbacks):
    response = sign_up(client)
    assert response.status_code == 302
    member = Member.objects.get(display_name="New Person")
    assert member.language == "en"
    assert "Check your email" in client.get(response.url).content.decode()
    # Not verified: signing in leads back to the verification page, not into the forums.
    login = client.post(
        "/en/accounts/login/", {"login": "newperson@example.org", "password": "a-Long-pass-phrase-93"}
    )
    assert "verification" in login.url or "confirm" in login.url
    link = confirmation_link("newperson@example.org")
    path = link.split("://", 1)[1].split("/", 1)[1]
    confirm_page = client.get("/" + path)
    assert confirm_page.status_code == 200 and "<form" in confirm_page.content.decode()
    client.post("/" + path)
    assert member.user.emailaddress_set.get().verified
    board = Board.objects.get(slug="visa")
    page = client.get(en("new_thread", board.slug))
    assert page.status_code == 200


def test_verification_email_goes_through_the_outbox(client, mailoutbox):
    sign_up(client)
    assert OutgoingEmail.objects.filter(to="newperson@example.org").exists()
    send_pending()
    assert any("newperson@example.org" in message.to for message in mailoutbox)


def test_display_names_are_unique_and_errors_keep_what_was_typed(client):
    response = sign_up(client, display_name="Rina", email="other@example.org")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This display name is taken" in html
    assert 'value="other@example.org"' in html
    assert 'role="alert"' in html


def test_an_invalid_confirmation_link_says_so(client):
    html = client.get("/en/accounts/confirm-email/not-a-key/").content.decode()
    assert "expired or is not valid" in html


def test_the_admin_login_still_works(client, django_user_model):
    django_user_model.objects.create_user(
        "editor-x", "ed@example.org", "pw-test-1234", is_staff=True, is_superuser=True
    )
    response = client.post("/admin/login/", {"username": "editor-x", "password": "pw-test-1234"})
    assert response.status_code == 302


def test_demo_has_every_type_status_held_and_hidden_posts():
    threads = Thread.objects.all()
    assert {thread.kind for thread in threads} == {"question", "feedback", "suggestion"}
    assert {"open", "answered", "closed"} <= {thread.status for thread in threads}
    assert {"planned", "under_review", "declined", "done"} <= {thread.suggestion_status for thread in threads}
    assert Post.objects.filter(is_official=True, state="approved").exists()
    assert Post.objects.filter(state="pending").exists() and Post.objects.filter(state="hidden").exists()
    assert {"id", "en"} <= {thread.language for thread in threads}
    assert Board.objects.count() >= 6


def test_home_page_offers_the_forums(client):
    assert "/en/forums/" in client.get("/en/").content.decode()


@pytest.mark.parametrize(
    "name", ["Official Ina", "0ffiсial Ina", "Moderator Budi", "Petugas Kantor Bali", "ΑDMIN team"]
)
def test_names_that_claim_a_role_are_refused(name, db):
    with pytest.raises(ValidationError) as refused:
        clean_display_name(name)
    assert refused.value.code == "staff"


def test_a_name_that_looks_like_a_staff_members_is_refused(make_member):
    official = make_member("officer", staff=True, group=OFFICIALS_GROUP)
    Member.objects.filter(pk=official.pk).update(display_name="Ina Rahmawati")
    with pytest.raises(ValidationError):
        clean_display_name("Ιna Rahmawatі")  # a Greek capital iota and a Cyrillic і
    assert clean_display_name("Ina Rahmadani") == "Ina Rahmadani"
    official.refresh_from_db()
    assert clean_display_name("Official Ina", exclude_member=official) == "Official Ina"  # staff may
