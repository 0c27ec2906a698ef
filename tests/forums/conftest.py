"""Fixtures for the forum tests: members, an official, a moderator, fresh rate limits.

Tests read English pages (/en/...) and the admin in English.
"""

import time
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from core.models import OutgoingEmail
from forums.forms import FORM_TOKENS
from forums.models import MODERATORS_GROUP, OFFICIALS_GROUP, Board, Member, Post, Thread


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def en(name, *args):
    with translation.override("en"):
        return reverse(f"forums:{name}", args=args)


def old_token():
    """A form token issued a minute ago (past the minimum fill time)."""
    return FORM_TOKENS.issue(now=time.time() - 60)


@pytest.fixture
def board(db):
    return Board.objects.get(slug="visa")


@pytest.fixture
def make_member(django_user_model):
    def make(name, days=30, staff=False, group=None):
        user = django_user_model.objects.create_user(
            name, f"{name}@example.org", "pw-test-1234", is_staff=staff
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        if group:
            user.groups.add(Group.objects.get(name=group))
        member = Member.objects.create(user=user, display_name=name.title(), language="en")
        Member.objects.filter(pk=member.pk).update(joined_at=timezone.now() - timedelta(days=days))
        member.refresh_from_db()
        return member

    return make


@pytest.fixture
def asker(make_member):
    return make_member("asker")


@pytest.fixture
def official(make_member):
    return make_member("officer", staff=True, group=OFFICIALS_GROUP)


@pytest.fixture
def moderator(make_member):
    return make_member("moderator", staff=True, group=MODERATORS_GROUP)


@pytest.fixture
def trusted(limits):
    """No post is held for being a first post."""
    limits("forums", FIRST_POSTS_HELD=0)


def signed_in(client, member):
    client.force_login(member.user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def visible_thread(board):
    """A visible, open demo question with replies (Indonesian, on the visa board)."""
    return Thread.objects.visible().get(title="Apakah sponsor visa kunjungan harus warga negara Indonesia?")


def emails_to(address):
    return list(OutgoingEmail.objects.filter(to=address).order_by("pk"))


def approved(post):
    return Post.objects.filter(pk=post.pk, state="approved").exists()
