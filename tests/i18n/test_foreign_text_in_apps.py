"""The pages of the forums, search, events, complaints, the transparency dashboard and the
partner organisations, in all four languages: every piece of text is marked with the
language it is in and isolated, and Arabic lists use the Arabic comma (tests/foreign_text.py;
tests/cms/test_foreign_text_marked.py reads the cms pages with the same check).

The forums hold threads in each language (the demo's in English and Indonesian, and one in
Arabic and one in Chinese made here): each reader sees the others' posts marked with their
language."""

import datetime
import time

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from agenda import registration as seats
from agenda.models import EventPage
from cms.models import GuidePage, PartnerIndexPage, PartnerPage
from complaints import services as complaints
from complaints.forms import FORM_TOKENS
from complaints.models import Category, Office
from forums.models import Board, Member, Post, PostState, Thread
from search.models import BestBet
from tests.foreign_text import LanguageOfText, read_problems
from tests.helpers import url_in

# Every app page in four languages: a whole-project check of seconds.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

LANGUAGES = ["id", "en", "ar", "zh-hans"]
THREADS = {
    "ar": ("هل يمكنني تمديد تأشيرة الزيارة مرة أخرى؟", "نعم، مرة واحدة في مكتب الهجرة."),
    "zh-hans": ("落地签可以再延期一次吗？", "可以，在移民局办理一次。"),
}


@pytest.fixture
def reader(client, django_user_model):
    """A signed-in forum member (the new-thread form is only shown to members)."""
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw-test-1234")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Member.objects.create(user=user, display_name="Reader", language="en")
    client.force_login(user)
    return client


@pytest.fixture
def threads_in_every_language(db):
    """The demo's threads (English and Indonesian) and one in Arabic and one in Chinese, each
    with an approved question and reply."""
    board = Board.objects.get(slug="visa")
    for language, (title, answer) in THREADS.items():
        thread = Thread.objects.create(board=board, title=title, language=language)
        for opening, body in ((True, title), (False, answer)):
            Post.objects.create(thread=thread, body=body, is_opening=opening, state=PostState.APPROVED)
    assert set(Thread.objects.visible().values_list("language", flat=True)) == set(LANGUAGES)
    return Thread.objects.visible()


def urls_in(language, *names):
    with translation.override(language):
        return [reverse(name) for name in names]


def forum_urls(language, threads):
    """The index, a board, the new-thread form (also about a guide not in every language), the
    member's profile, account deletion, password and email pages, and every thread."""
    guide = next(
        page for page in GuidePage.objects.live().order_by("path") if "ar" not in page.translation_state
    )
    with translation.override(language):
        return [
            reverse("forums:index"),
            reverse("forums:board", args=["visa"]),
            reverse("forums:new_thread", args=["visa"]),
            f"{reverse('forums:new_thread', args=['visa'])}?guide={guide.pk}",
            reverse("forums:profile"),
            reverse("forums:delete_account"),
            reverse("account_change_password"),
            reverse("account_email"),
            *[thread.get_absolute_url() for thread in threads],
        ]


def search_urls(language):
    """Queries that find pages only in Indonesian, forms and events, nothing, or nothing that
    answers, and the glossary."""
    with translation.override(language):
        search = reverse("search")
        queries = ("KITAS", "paspor", "izin tinggal", "visa", "zzxqv", "how do I cook rendang")
        return [f"{search}?q={query}" for query in queries] + [reverse("search_glossary")]


def event_urls(language):
    """The events list (upcoming, past, this month's and next month's calendar), every event
    page and the registration form of its first session."""
    urls = []
    today = datetime.date.today()
    next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    for page in Page.objects.live().public().specific().order_by("path"):
        kind = type(page).__name__
        if kind == "EventIndexPage":
            calendar = url_in(page, language)
            urls += [calendar, f"{calendar}past/"]
            urls += [f"{calendar}month/{day.year}/{day.month}/" for day in (today, next_month)]
        elif kind == "EventPage":
            urls.append(url_in(page, language))
            session = page.ordered_sessions().first()
            urls.append(f"{url_in(page, language)}register/{session.pk}/")
    return urls


def partner_urls(language):
    return [url_in(page, language) for page in [PartnerIndexPage.objects.get(), *PartnerPage.objects.live()]]


def assert_all_marked(client, language, urls):
    found = [(url, *problem) for url in urls for problem in read_problems(client, url, language)]
    assert not found, "\n".join(map(repr, found))


@pytest.mark.parametrize("language", LANGUAGES)
def test_forums(reader, threads_in_every_language, language):
    assert_all_marked(reader, language, forum_urls(language, threads_in_every_language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_forum_account_pages(client, language):
    assert_all_marked(client, language, urls_in(language, "account_signup", "account_login"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_and_glossary(client, language):
    assert_all_marked(client, language, search_urls(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_partners_in_search_results(client, language):
    """A partner's provinces and spoken languages are found but not quoted in the snippet
    (an Arabic language name inside an English or Chinese result); an organisation's
    Indonesian name heading its Arabic or Chinese result is marked (the search document's
    title language, core.searchable.SearchDocument.title_language)."""
    with translation.override(language):
        urls = [f"{reverse('search')}?q={query}" for query in ("bali", "UNHCR", "pengungsi")]
    assert_all_marked(client, language, urls)


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_a_pinned_result_in_indonesian(client, language):
    """Editors pin a guide that has no title in the reader's language: its Indonesian title
    is marked."""
    guide = next(
        page for page in GuidePage.objects.live().order_by("path") if language not in page.translation_state
    )
    BestBet.objects.create(language=language, query="zzpinned", page=guide, position=1)
    with translation.override(language):
        url = f"{reverse('search')}?q=zzpinned"
    html = client.get(url).content.decode()
    assert f'lang="id" dir="auto">{guide.title_ind}</a>' in html
    assert_all_marked(client, language, [url])


@pytest.mark.parametrize("language", LANGUAGES)
def test_events(client, language):
    assert_all_marked(client, language, event_urls(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_registrations_own_page(client, language):
    """The page behind the link a registrant is sent."""
    session = next(
        session
        for event in EventPage.objects.live().order_by("path")
        for session in event.ordered_sessions()
        if session.registration_state() == "open"
    )
    registration = seats.register(
        session.pk, {"name": "Orang Satu", "email": "orang1@example.org", "consent": True}
    )
    with translation.override(language):
        url = reverse("agenda:registration", kwargs={"token": registration.token})
    assert_all_marked(client, language, [url])


@pytest.mark.parametrize("language", LANGUAGES)
def test_complaint_form_tracking_status_and_statistics(client, language):
    filed = complaints.file_complaint(
        {
            "category": Category.SERVICE,
            "office": Office.objects.order_by("order").first(),
            "description": "Antrean terlalu lama.",
            "happened_on": datetime.date(2025, 1, 10),
            "contact_name": "",
            "contact_email": "",
            "contact_phone": "",
        },
        [],
        FORM_TOKENS.read(FORM_TOKENS.issue(now=time.time() - 60)),
        "id",
        "http://testserver/",
    )
    file_url, track_url, status_url, statistics_url = urls_in(
        language, "complaints:file", "complaints:track", "complaints:status", "complaints:statistics"
    )
    assert client.post(track_url, {"code": filed.code}).status_code == 302
    assert_all_marked(client, language, [file_url, track_url, status_url, statistics_url])


@pytest.mark.parametrize("language", LANGUAGES)
def test_transparency_dashboard_and_rounds(client, language):
    rounds = [
        page
        for page in Page.objects.live().specific()
        if type(page).__name__ in ("EvaluationIndexPage", "EvaluationRoundPage")
    ]
    assert len(rounds) > 1
    urls = urls_in(language, "evaluation:dashboard") + [url_in(page, language) for page in rounds]
    assert_all_marked(client, language, urls)


@pytest.mark.parametrize("language", LANGUAGES)
def test_partners(client, language):
    assert_all_marked(client, language, partner_urls(language))


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_indonesian_partner_names_carry_lang_id_in_arabic_and_chinese_lists(client, language):
    response = client.get(url_in(PartnerIndexPage.objects.get(), language))
    text = LanguageOfText()
    text.feed(response.content.decode())
    partner = PartnerPage.objects.live().first()
    assert text.language_of(partner.title_ind) == "id"
    assert f'lang="id" dir="auto">{partner.title_ind}<' in response.content.decode()


@pytest.mark.parametrize(("reader_language", "thread_language"), [("id", "en"), ("en", "id")])
def test_a_thread_in_the_other_latin_language_is_marked(
    client, threads_in_every_language, reader_language, thread_language
):
    """Indonesian and English share a script, so the check's guess by little words misses
    short texts: the thread's stored language marks its title and every post."""
    thread = threads_in_every_language.filter(language=thread_language).first()
    with translation.override(reader_language):
        response = client.get(thread.get_absolute_url())
    html = response.content.decode()
    text = LanguageOfText()
    text.feed(html)
    assert text.language_of(thread.title) == thread_language
    posts = thread.posts.filter(state=PostState.APPROVED).count()
    assert html.count(f'class="forum-post__body" lang="{thread_language}" dir="auto"') == posts > 0


def test_a_guide_title_inside_a_sentence_carries_its_language(reader):
    """The new-thread form names the guide asked about inside an Arabic sentence; a guide not
    translated into Arabic is named in Indonesian, marked and isolated."""
    guide = next(
        page for page in GuidePage.objects.live().order_by("path") if "ar" not in page.translation_state
    )
    with translation.override("ar"):
        url = f"{reverse('forums:new_thread', args=['visa'])}?guide={guide.pk}"
    html = reader.get(url).content.decode()
    assert f'«<bdi lang="id" dir="auto">{guide.title_ind}</bdi>»' in html  # the Arabic quotes
