"""Getting changes into the indexes: schedule, process, retry, catch up, check.

A change never talks to an engine inside the request. ``schedule`` writes a
``PendingUpdate`` row in the caller's transaction and, once that transaction has
committed, enqueues ``process_pending_task``. Processing computes the object's
documents from its current state, applies them to every engine, and deletes the
row only when all engines succeeded; otherwise the row stays with its error and
is retried by the next run. Versions (see documents.py) make the order in which
updates land irrelevant.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.on_commit import on_commit_once
from search import registry
from search.engines import EngineUnavailable, engines
from search.models import PendingUpdate

logger = logging.getLogger(__name__)
MAX_BATCH = 500


def now_version():
    return int(timezone.now().timestamp() * 1_000_000)


def schedule(source_name, object_id):
    """Record that an object's documents must be refreshed; process after commit."""
    PendingUpdate.objects.create(source=source_name, object_id=str(object_id))
    from search.tasks import process_pending_task

    on_commit_once(process_pending_task.enqueue)


def schedule_object(obj):
    source = registry.source_for_model(type(obj))
    if source is not None:
        schedule(source.name, source.object_id(obj))


def apply_update(source, object_id, targets):
    """Bring one object's documents up to date in every target engine."""
    obj = source.get(object_id)
    documents = source.documents(obj) if obj is not None else []
    kept = [document.language for document in documents]
    for engine in targets:
        if documents:
            engine.index(documents)
        # Languages the object no longer exists in (or all, when it is gone).
        engine.delete(source.name, object_id, now_version(), keep_languages=kept)


def process_pending(targets=None, limit=MAX_BATCH):
    """Apply pending updates; return (done, failed). Safe to run concurrently and repeatedly."""
    targets = targets or engines()
    sources = registry.sources()
    done = failed = 0
    seen = set()
    for update in list(PendingUpdate.objects.all()[:limit]):
        key = (update.source, update.object_id)
        source = sources.get(update.source)
        try:
            if source is None:
                raise LookupError(f"no search source named {update.source!r}")
            if key not in seen:
                apply_update(source, update.object_id, targets)
                seen.add(key)
        except Exception as error:  # noqa: BLE001 - one bad object must not block the queue
            failed += 1
            PendingUpdate.objects.filter(pk=update.pk).update(
                attempts=update.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
            )
            if isinstance(error, EngineUnavailable | LookupError):
                logger.warning("search update %s:%s failed, will retry: %s", *key, error)
            else:
                logger.exception("search update %s:%s failed, will retry", *key)
            continue
        PendingUpdate.objects.filter(pk=update.pk).delete()
        done += 1
    return done, failed


def catch_up(minutes=60):
    """Schedule objects changed recently (changes that bypassed signals) and removed ones."""
    since = timezone.now() - timedelta(minutes=minutes)
    scheduled = 0
    with transaction.atomic():  # one batch: processing starts once, after all are recorded
        for source in registry.sources().values():
            for obj in source.changed_since(since):
                schedule(source.name, source.object_id(obj))
                scheduled += 1
    return scheduled


def object_count():
    return sum(source.objects().count() for source in registry.sources().values())


def all_documents(progress=None):
    """Every document of every registered source (for rebuilds and checks).

    ``progress`` is called once per object, so a progress bar can count objects.
    """
    for source in registry.sources().values():
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
