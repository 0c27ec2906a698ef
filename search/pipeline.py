"""Getting changes into the indexes: schedule, process, retry, catch up, check.

A change never talks to an engine inside the request. ``schedule`` writes a
``PendingUpdate`` row in the caller's transaction and, once that transaction has
committed, enqueues ``process_pending_task`` (defined here, beside what it runs; the
periodic jobs in tasks.py call this module too). Processing computes the object's
documents from its current state, applies them to every engine, and deletes the
row only when all engines succeeded; otherwise the row stays with its error and
is retried, after a back-off that doubles with each attempt (``retry_delay``).
Versions (see documents.py) make the order in which updates land irrelevant.

An engine that is unreachable is not asked again within the same run: during an
outage each run costs one request to it, not one per waiting update, while the
other engines (the database engine that search falls back to) stay current.
"""

import logging
from datetime import timedelta

from django.db import models, transaction
from django.utils import timezone
from django_tasks import task

from core import searchable
from core.on_commit import on_commit_once
from search import service
from search.engines import EngineUnavailable, engines
from search.models import PendingUpdate

logger = logging.getLogger(__name__)
MAX_BATCH = 500
FIRST_RETRY_SECONDS = 2
LONGEST_RETRY_SECONDS = 60  # the periodic retry job runs every 30 s; an outage costs ~1 request/min/update


def now_version():
    return int(timezone.now().timestamp() * 1_000_000)


def schedule(source_name, object_id):
    """Record that an object's documents must be refreshed; process after commit."""
    PendingUpdate.objects.create(source=source_name, object_id=str(object_id))
    on_commit_once(process_pending_task.enqueue)


def schedule_object(obj):
    source = searchable.source_for_model(type(obj))
    if source is not None:
        schedule(source.name, source.object_id(obj))


def retry_delay(attempts):
    """Seconds to wait before the next attempt of an update that failed ``attempts`` times."""
    return min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), LONGEST_RETRY_SECONDS)


def apply_update(source, object_id, targets, unavailable):
    """Bring one object's documents up to date in every target engine that is reachable.

    Engines in ``unavailable`` are skipped; an engine that turns out to be unreachable
    is added to it. Returns the errors (an empty list when every engine is up to date).
    """
    obj = source.get(object_id)
    documents = source.documents(obj) if obj is not None else []
    kept = [document.language for document in documents]
    errors = []
    for engine in targets:
        if engine in unavailable:
            errors.append(EngineUnavailable(f"{engine.name} unreachable earlier in this run"))
            continue
        try:
            if documents:
                engine.index(documents)
            # Languages the object no longer exists in (or all, when it is gone).
            engine.delete(source.name, object_id, now_version(), keep_languages=kept)
        except EngineUnavailable as error:
            unavailable.add(engine)
            errors.append(error)
    return errors


def _record_failure(update, error):
    update.attempts += 1
    PendingUpdate.objects.filter(pk=update.pk).update(
        attempts=update.attempts,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        retry_after=timezone.now() + timedelta(seconds=retry_delay(update.attempts)),
    )
    key = (update.source, update.object_id)
    if isinstance(error, LookupError):
        logger.warning("search update %s:%s failed, will retry: %s", *key, error)
    elif not isinstance(error, EngineUnavailable):  # an outage is logged once per run
        logger.exception("search update %s:%s failed, will retry", *key, exc_info=error)


def due_updates():
    """Updates never tried, or whose back-off has passed."""
    return PendingUpdate.objects.filter(
        models.Q(retry_after__isnull=True) | models.Q(retry_after__lte=timezone.now())
    )


def process_pending(targets=None, limit=MAX_BATCH):
    """Apply the due pending updates; return (done, failed). Safe to run concurrently and repeatedly."""
    targets = targets or engines()
    sources = searchable.sources()
    done = failed = 0
    seen = {}  # (source, object id) -> the errors of applying it once in this run
    unavailable = set()
    for update in list(due_updates()[:limit]):
        key = (update.source, update.object_id)
        source = sources.get(update.source)
        try:
            if source is None:
                raise LookupError(f"no search source named {update.source!r}")
            if key not in seen:
                seen[key] = apply_update(source, update.object_id, targets, unavailable)
            errors = seen[key]
        except Exception as error:  # noqa: BLE001 - one bad object must not block the queue
            errors = [error]
        if errors:
            failed += 1
            _record_failure(update, errors[0])
            continue
        PendingUpdate.objects.filter(pk=update.pk).delete()
        done += 1
    for engine in unavailable:
        logger.warning(
            "search engine %s unreachable: %d updates wait for it, retried with a back-off",
            engine.name,
            failed,
        )
    if any(not sources[source].volatile for source, _id in seen if source in sources):
        service.results_changed()
    return done, failed


@task()
def process_pending_task():
    """The background run ``schedule`` enqueues after commit."""
    done, failed = process_pending()
    return {"done": done, "failed": failed}


def catch_up(minutes=60):
    """Schedule objects changed recently (changes that bypassed signals) and removed ones."""
    since = timezone.now() - timedelta(minutes=minutes)
    scheduled = 0
    with transaction.atomic():  # one batch: processing starts once, after all are recorded
        for source in searchable.sources().values():
            for obj in source.changed_since(since):
                schedule(source.name, source.object_id(obj))
                scheduled += 1
    return scheduled


def object_count():
    return sum(source.objects().count() for source in searchable.sources().values())


def all_documents(progress=None):
    """Every document of every registered source (for rebuilds and checks).

    ``progress`` is called once per object, so a progress bar can count objects.
    """
    for source in searchable.sources().values():
        for obj in source.objects().iterator(chunk_size=200):
            yield from source.documents(obj)
            if progress:
                progress()


def check(engine):
    """Compare an engine's index with the database: (missing, stale, extra) doc ids per language."""
    expected = {}
    for document in all_documents():
        expected.setdefault(document.language, {})[document.doc_id] = document.version
    report = {}
    for language, wanted in expected.items():
        indexed = engine.indexed_versions(language)
        report[language] = {
            "missing": sorted(set(wanted) - set(indexed)),
            "stale": sorted(
                doc for doc, version in wanted.items() if doc in indexed and indexed[doc] < version
            ),
            "extra": sorted(set(indexed) - set(wanted)),
        }
    return report
