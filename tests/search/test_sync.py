"""Publishing, unpublishing, moving and deleting keep the index in step, after commit, never lost."""

import time

import pytest
from django.utils import timezone

from core import searchable
from search import pipeline, service
from search.engines import database_engine
from search.engines.base import SearchQuery
from search.engines.remote import RemoteEngine
from search.models import PendingUpdate, SearchEntry

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # discard port: nothing listens, connections are refused


def entries(page):
    return SearchEntry.objects.filter(source__in=("cms.guide", "cms.topic"), object_id=str(page.pk))


def test_publish_updates_the_index_after_commit(indexed, guide, django_capture_on_commit_callbacks):
    guide.title_en = "Visitor visa, renewed"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        guide.save_revision().publish()
        # Inside the transaction nothing has reached the index yet.
        assert entries(guide).get(language="en").title != "Visitor visa, renewed"
    assert PendingUpdate.objects.filter(object_id=str(guide.pk)).exists()
    for callback in callbacks:
        callback()
    assert entries(guide).get(language="en").title == "Visitor visa, renewed"
    assert not PendingUpdate.objects.exists()


def test_unpublish_removes_from_every_language(indexed, guide, django_capture_on_commit_callbacks):
    assert entries(guide).count() == 4
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert not entries(guide).exists()


def test_delete_removes(indexed, english_only_guide, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        english_only_guide.delete()
    assert not entries(english_only_guide).exists()


def test_move_reindexes_new_urls(indexed, guide, django_capture_on_commit_callbacks):
    from cms.models import TopicPage

    target = TopicPage.objects.get(slug="paspor")
    with django_capture_on_commit_callbacks(execute=True):
        guide.move(target, pos="last-child")
    assert entries(guide).get(language="en").url == "/en/paspor/visa-kunjungan/"


def test_removed_translation_leaves_that_language(indexed, guide, django_capture_on_commit_callbacks):
    guide.title_zh_hans = ""
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert set(entries(guide).values_list("language", flat=True)) == {"id", "en", "ar"}


def test_failed_update_is_kept_and_retried_after_a_back_off(indexed, guide):
    down = RemoteEngine("opensearch", UNREACHABLE, timeout=0.5, prefix="never")
    pipeline.schedule(searchable.source_for_model(type(guide)).name, guide.pk)
    done, failed = pipeline.process_pending(targets=[database_engine(), down])
    assert (done, failed) == (0, 1)
    pending = PendingUpdate.objects.get()
    assert pending.attempts == 1 and "opensearch" in pending.last_error
    assert pending.retry_after > timezone.now()
    # Within the back-off the update is not tried again.
    assert pipeline.process_pending(targets=[database_engine()]) == (0, 0)
    PendingUpdate.objects.update(retry_after=timezone.now())
    done, failed = pipeline.process_pending(targets=[database_engine()])
    assert (done, failed) == (1, 0)
    assert not PendingUpdate.objects.exists()


def test_back_off_doubles_up_to_a_minute():
    assert [pipeline.retry_delay(attempts) for attempts in (1, 2, 3, 4, 5, 6, 20)] == [
        2,
        4,
        8,
        16,
        32,
        60,
        60,
    ]


class CountingDownEngine(RemoteEngine):
    """An unreachable engine that counts the requests made to it."""

    requests = 0

    def index(self, documents):
        type(self).requests += 1
        super().index(documents)

    def delete(self, *args, **kwargs):
        type(self).requests += 1
        super().delete(*args, **kwargs)


def test_an_unreachable_engine_is_asked_once_per_run_and_the_database_stays_current(
    indexed, guide, topic, caplog
):
    down = CountingDownEngine("opensearch", UNREACHABLE, timeout=0.5, prefix="never")
    for page in (guide, topic):
        pipeline.schedule_object(page.specific)
    entries(guide).delete()
    assert pipeline.process_pending(targets=[database_engine(), down]) == (0, 2)
    assert CountingDownEngine.requests == 1
    # The fallback engine got the update although the other engine was down.
    assert entries(guide).count() == 4
    assert set(PendingUpdate.objects.values_list("attempts", flat=True)) == {1}
    # One line in the log per run, not one per waiting update.
    outage = [record.getMessage() for record in caplog.records if record.name == "search.pipeline"]
    assert outage == ["search engine opensearch unreachable: 2 updates wait for it, retried with a back-off"]


@pytest.mark.slow
def test_catch_up_finds_changes_that_bypassed_signals(indexed, guide):
    from cms.models import GuidePage

    entries(guide).delete()
    GuidePage.objects.filter(pk=guide.pk).update(latest_revision_created_at=guide.last_published_at)
    assert pipeline.catch_up(minutes=60 * 24 * 365 * 5) > 0
    pipeline.process_pending(targets=[database_engine()])
    assert entries(guide).count() == 4


@pytest.mark.slow
def test_check_reports_missing_stale_and_extra(indexed, guide):
    engine = database_engine()
    assert all(not any(report.values()) for report in pipeline.check(engine).values())
    entries(guide).filter(language="en").delete()
    SearchEntry.objects.filter(language="id").exclude(object_id=str(guide.pk)).update(version=1)
    SearchEntry.objects.create(
        source="cms.guide", object_id="999999", language="ar", kind="guide", title="x", url="/"
    )
    report = pipeline.check(engine)
    assert f"cms.guide:{guide.pk}" in report["en"]["missing"]
    assert report["id"]["stale"]
    assert "cms.guide:999999" in report["ar"]["extra"]


def test_search_falls_back_to_database_when_engine_is_down(indexed, settings):
    from search.engines import configured_engine

    settings.SEARCH_URL = f"opensearch+{UNREACHABLE}"
    configured_engine.cache_clear()
    try:
        started = time.monotonic()
        results = service.search(SearchQuery(text="passport", language="en"))
        assert time.monotonic() - started < 2
        assert results.degraded and results.total > 0
    finally:
        configured_engine.cache_clear()


def test_search_page_says_when_degraded(client, indexed, settings):
    from search.engines import configured_engine

    settings.SEARCH_URL = f"opensearch+{UNREACHABLE}"
    configured_engine.cache_clear()
    try:
        content = client.get("/en/search/", {"q": "passport"}).content.decode()
        assert "simplified mode" in content
    finally:
        configured_engine.cache_clear()


@pytest.mark.slow
def test_search_index_commands(indexed, capsys):
    from django.core.management import call_command

    call_command("search_index", "rebuild", verbosity=0)
    call_command("search_index", "check")
    assert "match the database" in capsys.readouterr().out


def test_a_broken_update_does_not_block_the_others(indexed, guide):
    PendingUpdate.objects.create(source="cms.guide", object_id="not-a-number")
    pipeline.schedule("cms.guide", guide.pk)
    done, failed = pipeline.process_pending(targets=[database_engine()])
    assert (done, failed) == (1, 1)
    broken = PendingUpdate.objects.get()
    assert broken.object_id == "not-a-number" and broken.attempts == 1 and broken.last_error


def test_publishing_a_guide_refreshes_its_topic_and_the_forms_and_partners_it_links(
    indexed, django_capture_on_commit_callbacks
):
    """Their documents hold the guide's title: a topic lists it, a form and a partner are linked by it."""
    from cms.models import GuidePage

    def retitle(slug, title):
        guide = GuidePage.objects.get(slug=slug)
        guide.title_en = title
        with django_capture_on_commit_callbacks(execute=True):
            guide.save_revision().publish()
        return guide

    guide = retitle("hak-orang-asing", "Your rights as a foreigner")
    lbh = SearchEntry.objects.get(source="cms.partner", language="en", url="/en/mitra/lbh-contoh-jakarta/")
    assert "your rights as a foreigner" in lbh.search_text
    topic = SearchEntry.objects.get(source="cms.topic", language="en", object_id=str(guide.get_parent().pk))
    assert "your rights as a foreigner" in topic.search_text

    retitle("paspor-baru", "Apply for a passport online")
    form = SearchEntry.objects.get(source="cms.form", language="en", url__contains="perdim-11-2024")
    assert "apply for a passport online" in form.search_text


def test_a_retitled_form_refreshes_the_guides_linking_an_older_version(
    indexed, django_capture_on_commit_callbacks
):
    from cms.models import LibraryDocument

    current = LibraryDocument.objects.get(file__contains="perdim-11-2024")
    current.title_en = "Passport application (zebracorn edition)"
    with django_capture_on_commit_callbacks(execute=True):
        current.save()
    guide = SearchEntry.objects.get(source="cms.guide", language="en", url="/en/paspor/paspor-baru/")
    assert "zebracorn" in guide.search_text
