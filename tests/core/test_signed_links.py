"""The one signed-link helper (core/signed_links.py): purpose, max age, single use, one error,
form tokens, and the one "This link no longer works" page in the reader's language.

Each app's own tests open its links through its views (tests/regulations/test_follow.py,
tests/forums/test_notifications.py, tests/agenda/test_registration_pages.py,
tests/evaluation/test_surveys.py and test_ratings.py, the form tests of forums and complaints).
"""

import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils import translation

from core.signed_links import FormTokens, LinkError, SignedLink, link_error_page
from tests.helpers import assert_link_no_longer_works

THINGS = {1: SimpleNamespace(pk=1, done=False)}
ONCE = SignedLink("tests.once", max_age=60, state=lambda thing: thing.done)


def load(pk):
    return THINGS.get(pk)


def reason(callable_, *args):
    with pytest.raises(LinkError) as caught:
        callable_(*args)
    return caught.value.reason


@pytest.fixture(autouse=True)
def _fresh_thing():
    THINGS[1] = SimpleNamespace(pk=1, done=False)


def test_a_valid_link_opens_its_object_until_its_action_changes_it():
    token = ONCE.make(1, THINGS[1])
    assert ONCE.open(token, load) is THINGS[1]
    assert ONCE.open(token, load) is THINGS[1]  # only looking changes nothing
    THINGS[1].done = True  # the action the link is for
    assert reason(ONCE.open, token, load) == LinkError.USED


def test_a_link_to_something_deleted_is_used():
    token = ONCE.make(1, THINGS[1])
    del THINGS[1]
    assert reason(ONCE.open, token, load) == LinkError.USED


@pytest.mark.parametrize("change", [lambda t: t[:-2] + "xx", lambda t: t[:10], lambda t: "", lambda t: None])
def test_a_tampered_link(change):
    assert reason(ONCE.open, change(ONCE.make(1, THINGS[1])), load) == LinkError.TAMPERED


def test_a_link_made_for_another_purpose_is_tampered():
    other = SignedLink("tests.other")
    assert reason(ONCE.open, other.make(1), load) == LinkError.TAMPERED
    assert reason(other.read, ONCE.make(1, THINGS[1])) == LinkError.TAMPERED


def test_an_expired_link():
    token = ONCE.make(1, THINGS[1], now=time.time() - 61)
    assert reason(ONCE.open, token, load) == LinkError.EXPIRED
    assert SignedLink("tests.once", max_age=timedelta(minutes=2)).read(token) == 1


def test_max_age_is_read_when_checked_and_none_never_expires(settings):
    settings.TESTS_MAX_AGE = 3600
    link = SignedLink("tests.tunable", max_age=lambda: settings.TESTS_MAX_AGE)
    token = link.make("x", now=time.time() - 120)
    assert link.read(token) == "x"
    settings.TESTS_MAX_AGE = 60
    assert reason(link.read, token) == LinkError.EXPIRED
    assert SignedLink("tests.tunable").read(link.make("x", now=0)) == "x"


def test_the_state_is_not_readable_from_the_link():
    secret = SimpleNamespace(pk=1, secret="s3cr3t-value")
    link = SignedLink("tests.secret", state=lambda thing: thing.secret)
    token = link.make(1, secret)
    assert "s3cr3t" not in token and link.open(token, lambda pk: secret) is secret
    secret.secret = "replaced"  # revokes every link made before
    assert reason(link.open, token, lambda pk: secret) == LinkError.USED


FORMS = FormTokens("tests.form", max_age=lambda: 3600, min_fill=lambda: 5)


def test_form_tokens_say_how_old_the_form_is():
    token = FORMS.read(FORMS.issue(now=time.time() - 60))
    assert not token.too_fast and time.time() - token.issued_at >= 60
    assert FORMS.read(FORMS.issue()).too_fast
    same = FORMS.issue()
    assert FORMS.read(same).hash == FORMS.read(same).hash != FORMS.read(FORMS.issue()).hash


def test_bad_form_tokens_raise_the_one_error():
    assert reason(FORMS.read, FORMS.issue(now=time.time() - 3601)) == LinkError.EXPIRED
    assert reason(FORMS.read, "forged") == LinkError.TAMPERED
    assert reason(FORMS.read, None) == LinkError.TAMPERED
    assert reason(FORMS.read, SignedLink("tests.other").make({"n": "x", "t": 1})) == LinkError.TAMPERED
    assert reason(FORMS.read, SignedLink("tests.form").make("no time")) == LinkError.TAMPERED


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "id", "zh-hans", "en"])
@pytest.mark.parametrize("why", [LinkError.TAMPERED, LinkError.EXPIRED, LinkError.USED])
def test_the_page_says_so_in_the_readers_language(language, why):
    request = RequestFactory().get(f"/{language}/somewhere/")
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = link_error_page(request, LinkError(why), next_url="/next/", next_label="Onwards")
    response.templates = [SimpleNamespace(name="core/link_error.html")]  # no test client here
    assert_link_no_longer_works(response, language)
    assert 'href="/next/">Onwards</a>' in response.content.decode()
