"""Shared set-up for the search benchmarks: a throw-away demo site and engines.

Each benchmark runs against a fresh SQLite database under a temporary folder
(migrated, loaded with the demo content) so figures never depend on a developer's
own data, and against the project's local OpenSearch node (search/launcher.py).
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django(var_dir=None, keep_database_url=False):
    """Point Django at a temporary var folder and start it; returns that folder.

    The database is a fresh SQLite file there, unless ``keep_database_url`` keeps
    the DATABASE_URL set by the caller (a private PostgreSQL server, for example).
    """
    var = var_dir or tempfile.mkdtemp(prefix="sinergi-bench-")
    os.environ["SINERGI_VAR_DIR"] = str(var)
    if not keep_database_url:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return var


def demo_site():
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo", verbosity=0)


def opensearch_engine(prefix):
    """A RemoteEngine on the local node (started if needed) with its own index prefix."""
    from search import launcher
    from search.engines.remote import RemoteEngine

    url = os.environ.get("OPENSEARCH_URL") or launcher.start(
        progress=lambda message: print(message, flush=True)
    )
    return RemoteEngine("opensearch", url, timeout=30, prefix=prefix)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]
