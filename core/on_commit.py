"""Run a function once after the current transaction commits, however often it is asked for.

Queueing 300 emails or index updates in one transaction should start one
processing run after commit, not 300.
"""

from django.db import connection, transaction


def on_commit_once(function):
    if connection.in_atomic_block and any(
        registered is function for _savepoints, registered, *_rest in connection.run_on_commit
    ):
        return
    transaction.on_commit(function)
