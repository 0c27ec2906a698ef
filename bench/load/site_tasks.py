"""The Django side of the load test, run by run.py as a separate process.

    python bench/load/site_tasks.py prepare FIXTURE.json [--members 60]
    python bench/load/site_tasks.py verify ACCEPTED.json

``prepare`` (after migrate and load_demo) creates the forum members the simulated
users sign in as: verified email, an account older than a week and one approved
post each, so their questions are published at once (a first post waits for a
moderator, which is right for real newcomers but would leave nothing to index).
It writes what the simulated users need to know: page paths, open sessions,
offices, boards, members and the search queries.

``verify`` checks that everything the site accepted during the run (a 302 after a
registration, a complaint or a question, recorded by the simulated users) is in
the database, and prints the result as JSON.

The environment (DATABASE_URL, SINERGI_ENV, ...) is the one run.py gives gunicorn.
"""

import json
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PASSWORD = "load-test-Password-2026"  # noqa: S105 - throw-away accounts on a throw-away database
LANGUAGES = ["id", "en", "ar", "zh-hans"]


def setup():
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def page_paths():
    from wagtail.models import Page

    from cms.models import GuidePage, HomePage, RegulationPage, TopicPage

    def paths(model):
        # Page.url is /id/...: the same path under every language prefix.
        return [page.url[len("/id") :] for page in model.objects.live().specific(defer=True) if page.url]

    regulations = paths(RegulationPage)
    index = Page.objects.live().filter(slug="peraturan").first()
    return {
        "home": paths(HomePage),
        "topic": paths(TopicPage),
        "guide": paths(GuidePage),
        "regulation": regulations,
        "regulation index": [index.specific.url[len("/id") :]] if index else [],
    }


def open_sessions():
    from agenda.models import EventPage, EventSession

    sessions = []
    for session in EventSession.objects.select_related("page").order_by("start"):
        if session.registration_state() == "open":
            page = EventPage.objects.get(pk=session.page_id)
            sessions.append({"id": session.pk, "path": f"{page.url[len('/id') :]}register/{session.pk}/"})
    events = [page.url[len("/id") :] for page in EventPage.objects.live()]
    return sessions, events


def create_members(count):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from forums import spam
    from forums.models import Board, Member, Post, PostState, Thread, ThreadKind

    User = get_user_model()
    hashed = make_password(PASSWORD)  # hashed once: the same password for every bench account
    board = Board.objects.order_by("pk").first()
    joined = timezone.now() - timedelta(days=30)
    members = []
    thread = None
    for number in range(count):
        email = f"member{number}@load.example.org"
        user = User.objects.create(username=f"loadmember{number}", email=email, password=hashed)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        member = Member.objects.create(
            user=user, display_name=f"Load member {number}", language="id", joined_at=joined
        )
        if thread is None:
            thread = Thread.objects.create(
                board=board, kind=ThreadKind.QUESTION, title="Introductions", language="id", author=member
            )
        body = f"Hello, I am load member {number}."
        Post.objects.create(
            thread=thread,
            author=member,
            body=body,
            is_opening=number == 0,
            state=PostState.APPROVED,
            approved_at=joined,
            body_hash=spam.body_hash(body),
            created_at=joined,
        )
        members.append(email)
    return members


def prepare(fixture_path, members):
    from complaints.models import Office
    from forums.models import Board

    sessions, events = open_sessions()
    judgements = json.loads((ROOT / "bench" / "data" / "search_judgements.json").read_text())
    queries = {language: [] for language in LANGUAGES}
    for item in judgements:
        queries.setdefault(item["language"], []).append(item["query"])
    fixture = {
        "pages": page_paths(),
        "sessions": sessions,
        "events": events,
        "offices": list(Office.objects.filter(active=True).values_list("pk", flat=True)),
        "boards": list(Board.objects.values_list("slug", flat=True)),
        "members": create_members(members),
        "password": PASSWORD,
        "queries": queries,
    }
    Path(fixture_path).write_text(json.dumps(fixture, ensure_ascii=False, indent=1))
    print(
        f"fixture: {sum(len(v) for v in fixture['pages'].values())} pages, {len(sessions)} open sessions, "
        f"{len(fixture['offices'])} offices, {len(fixture['boards'])} boards, {members} members"
    )


def verify(accepted_path):
    from agenda.models import Registration
    from complaints.models import Complaint
    from forums.models import Post

    accepted = json.loads(Path(accepted_path).read_text())
    report = {}
    emails = [item["email"] for item in accepted.get("registration", [])]
    found = set(Registration.objects.filter(email__in=emails).values_list("email", flat=True))
    report["registration"] = {
        "accepted": len(emails),
        "found": len(found),
        "missing": sorted(set(emails) - found),
    }
    refs = [item["ref"] for item in accepted.get("complaint", [])]
    stored = " ".join(
        Complaint.objects.filter(description__contains="[load ").values_list("description", flat=True)
    )
    missing = [ref for ref in refs if f"[load {ref}]" not in stored]
    report["complaint"] = {"accepted": len(refs), "found": len(refs) - len(missing), "missing": missing}
    refs = [item["ref"] for item in accepted.get("question", [])]
    stored = " ".join(Post.objects.filter(body__contains="[load ").values_list("body", flat=True))
    missing = [ref for ref in refs if f"[load {ref}]" not in stored]
    report["question"] = {"accepted": len(refs), "found": len(refs) - len(missing), "missing": missing}
    print(json.dumps(report))


def main():
    setup()
    command, path = sys.argv[1], sys.argv[2]
    if command == "prepare":
        members = int(sys.argv[sys.argv.index("--members") + 1]) if "--members" in sys.argv else 60
        prepare(path, members)
    elif command == "verify":
        verify(path)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
