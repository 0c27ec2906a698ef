"""Search's part in the withdrawal path (core/withdrawal.py): cached results are retired.

Index updates of forum threads do not retire cached results (``SearchSource.volatile``:
a thread changes with every post), so a thread hidden by a moderator would stay in a
cached result page until it expired. A withdrawal retires them all, whatever its source.
"""

from core.withdrawal import withdrawn
from search import service


def _retire_results(sender, keys, **kwargs):
    service.results_changed()


def connect():
    withdrawn.connect(_retire_results, dispatch_uid="search.withdrawn")
