""" "Email me my link again": the links go to the address alone, the page says the same whether
or not it is registered, and requests are limited per client and per address."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from agenda import registration as seats
from agenda.models import Registration

from .conftest import person


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def resend_url(language="en"):
    with translation.override(language):
        return reverse("agenda:resend_link")


def ask(client, address, language="en", **extra):
    return client.post(resend_url(language), {"email": address}, **extra)


def test_the_links_of_active_registrations_to_come_go_to_the_address(make_event, client, outbox):
    first, second = make_event(
        [{"label": "Bagian 1", "days": 5}, {"label": "Bagian 2", "days": 12}]
    ).sessions.order_by("start")
    gone = make_event([{"days": 20}]).sessions.get()
    one = seats.register(first.pk, person(1, language="id"))
    two = seats.register(second.pk, person(1))
    seats.cancel(seats.register(gone.pk, person(1)))
    outbox().clear()
    response = ask(client, "ORANG1@example.org")
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    (message,) = outbox()
    assert message.to == ["orang1@example.org"]
    assert message.subject == "Your registration links"  # in the language of the page asked from
    tokens = re.findall(r"/en/events/registration/([^/\s]+)/", message.body)
    assert [Registration.from_token(token) for token in tokens] == [one, two]
    assert "Bagian 1" in message.body and "Bagian 2" in message.body


def test_the_answer_is_the_same_whether_or_not_the_address_is_registered(session, client, outbox):
    seats.register(session.pk, person(1))
    outbox().clear()
    known = ask(client, "orang1@example.org", REMOTE_ADDR="10.0.0.1")
    unknown = ask(client, "nobody@example.org", REMOTE_ADDR="10.0.0.2")
    assert known.status_code == unknown.status_code == 200

    def main(response):
        html = response.content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html[html.index("<main") :])

    assert main(known) == main(unknown)
    assert [message.to for message in outbox()] == [["orang1@example.org"]]


def test_a_session_that_has_ended_sends_nothing(make_event, client, outbox):
    session = make_event([{"days": 3}]).sessions.get()
    seats.register(session.pk, person(1))
    outbox().clear()
    ask(client, "orang1@example.org")
    assert len(outbox()) == 1
    type(session).objects.filter(pk=session.pk).update(end=timezone.now() - timedelta(hours=1))
    ask(client, "orang1@example.org")
    assert len(outbox()) == 1


def test_requests_are_limited_per_client_and_per_address(session, client, outbox, limits):
    limits("agenda", LINK_RESENDS_PER_HOUR=2)
    seats.register(session.pk, person(1))
    outbox().clear()
    for number in range(2):
        assert ask(client, f"someone{number}@example.org", REMOTE_ADDR="10.0.0.9").status_code == 200
    # The third request from the same client is refused, known address or not, and sends nothing.
    refused = ask(client, "orang1@example.org", REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 429 and "Too many requests" in refused.content.decode()
    assert outbox() == []
    # Other clients asking for one address share its limit: an inbox is not flooded.
    assert ask(client, "orang1@example.org", REMOTE_ADDR="10.0.1.1").status_code == 200
    assert ask(client, "orang1@example.org", REMOTE_ADDR="10.0.1.2").status_code == 200
    assert ask(client, "orang1@example.org", REMOTE_ADDR="10.0.1.3").status_code == 429
    assert len(outbox()) == 2


def test_a_bad_address_is_explained_and_counts_nothing(client, outbox):
    response = ask(client, "not an address")
    assert response.status_code == 400
    assert "Enter an email address like name@example.org." in response.content.decode()
    assert outbox() == []


def test_the_broken_link_page_leads_here(client, db):
    response = client.get("/en/events/registration/not-a-token/")
    assert response.status_code == 400
    assert f'href="{resend_url()}"' in response.content.decode()
