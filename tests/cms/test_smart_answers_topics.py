"""Smart answers are found from the topic pages they name (issue 25 item 6): each topic
lists its live flows above its guides, in the reader's language."""

import pytest
from django.utils import translation

from cms.models import SmartAnswerPage, TopicPage
from tests.helpers import url_in

pytestmark = pytest.mark.django_db


def check_section(html):
    if 'id="h-check"' not in html:
        return ""
    section = html[html.index('id="h-check"') :]
    return section[: section.index("</section>")]


@pytest.mark.parametrize("language", ["id", "en", "ar", "zh-hans"])
def test_a_topic_page_links_the_smart_answers_that_name_it(client, language):
    visit = SmartAnswerPage.objects.get(slug="visa-untuk-berkunjung")
    overstay = SmartAnswerPage.objects.get(slug="melewati-izin-tinggal")
    topic = TopicPage.objects.get(slug="visa")
    assert list(visit.topics.all()) == [topic]
    section = check_section(client.get(url_in(topic, language)).content.decode())
    with translation.override(language):
        assert f'href="{visit.get_url()}"' in section and visit.title in section and visit.intro in section
        assert overstay.get_url() not in section


def test_a_flow_can_be_listed_on_several_topics_and_a_topic_without_flows_has_no_section(client):
    overstay = SmartAnswerPage.objects.get(slug="melewati-izin-tinggal")
    for slug in ("izin-tinggal", "hak-dan-kewajiban"):
        section = check_section(client.get(url_in(TopicPage.objects.get(slug=slug), "en")).content.decode())
        assert url_in(overstay, "en") in section
    passports = client.get(url_in(TopicPage.objects.get(slug="paspor"), "en")).content.decode()
    assert 'id="h-check"' not in passports


def test_an_unpublished_flow_leaves_the_topic_page(client):
    visit = SmartAnswerPage.objects.get(slug="visa-untuk-berkunjung")
    topic = TopicPage.objects.get(slug="visa")
    visit.unpublish()
    assert 'id="h-check"' not in client.get(url_in(topic, "en")).content.decode()
