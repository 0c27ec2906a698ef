"""Seminars, workshops and outreach sessions: event pages, registration, waitlist, iCalendar.

ARCHITECTURE.md names this app ``events/``. It is ``agenda`` because a top-level
package named ``events`` would shadow the PyPI package ``Events``, which
opensearch-py imports (``from events import Events``) for every request; the
OpenSearch engine would break. "Agenda" is also what Indonesian government sites
call their events calendar. See docs/architecture.md.
"""
