"""manage.py search_index: build, check and maintain the search indexes.

rebuild    build new indexes for every language and swap the aliases (no empty moment)
check      list documents missing from, stale in or extra in the index
process    apply pending index updates (failed ones are retried here)
catchup    re-index objects changed in the last --minutes (bulk edits bypass signals)
synonyms   apply edited search/synonyms/*.txt without reindexing
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from search import pipeline, service
from search.engines import EngineUnavailable, configured_engine, database_engine, engines


class Command(BaseCommand):
    help = "Build, check and maintain the search indexes."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "process", "catchup", "synonyms"])
        parser.add_argument("--minutes", type=int, default=60, help="catchup: how far back to look")

    def handle(self, *args, action, minutes, **options):
        self.quiet = options["verbosity"] == 0
        try:
            getattr(self, f"do_{action}")(minutes=minutes)
        except EngineUnavailable as error:
            raise CommandError(f"The search engine is unreachable: {error}") from error

    def do_rebuild(self, **kwargs):
        started = timezone.now()
        for engine in engines():
            with tqdm(
                total=pipeline.object_count(), unit="obj", desc=f"{engine.name}", disable=self.quiet
            ) as bar:
                engine.rebuild(pipeline.all_documents(progress=bar.update))
        # Changes published while the new indexes were being built went to the
        # old ones; replay them into the new ones.
        minutes = int((timezone.now() - started).total_seconds() // 60) + 1
        pipeline.catch_up(minutes=minutes)
        done, failed = pipeline.process_pending()
        service.results_changed()
        self.say(f"Rebuilt {', '.join(engine.name for engine in engines())}; {done} late changes replayed.")
        if failed:
            raise CommandError(f"{failed} updates failed; run `search_index process` again.")

    def do_check(self, **kwargs):
        problems = 0
        for engine in engines():
            for language, report in pipeline.check(engine).items():
                for kind in ("missing", "stale", "extra"):
                    for doc_id in report[kind]:
                        problems += 1
                        self.stdout.write(f"{engine.name} {language} {kind}: {doc_id}")
        if problems:
            raise CommandError(f"{problems} differences between the index and the database.")
        self.say("The indexes match the database.")

    def do_process(self, **kwargs):
        done, failed = pipeline.process_pending()
        self.say(f"{done} updates applied, {failed} failed (kept for retry).")
        if failed:
            raise CommandError(f"{failed} updates failed.")

    def do_catchup(self, minutes, **kwargs):
        scheduled = pipeline.catch_up(minutes=minutes)
        done, failed = pipeline.process_pending()
        self.say(f"{scheduled} recently changed objects scheduled; {done} applied, {failed} failed.")

    def do_synonyms(self, **kwargs):
        engine = configured_engine()
        if engine is database_engine():
            raise CommandError("Synonyms apply to Elasticsearch/OpenSearch; SEARCH_URL is 'db'.")
        engine.reload_synonyms()
        service.results_changed()
        self.say("Synonyms reloaded.")

    def say(self, message):
        if not self.quiet:
            self.stdout.write(self.style.SUCCESS(message))
