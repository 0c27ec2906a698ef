"""Demo forums: a board per topic, members and an official, threads of every type and status.

Idempotent: boards are found by slug, people by username and threads by title, so
running it again creates nothing. Demo accounts have no usable password (nobody
can sign in as them); their addresses are verified so they behave like members.
Posts are written directly in their final state: no email is sent and nothing
is held by the spam rules, except the pending and hidden posts made on purpose.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from cms.models import GuidePage, TopicPage
from forums import spam
from forums.models import (
    OFFICIALS_GROUP,
    Board,
    Follow,
    Member,
    Post,
    PostState,
    SuggestionStatus,
    Thread,
    ThreadKind,
    ThreadStatus,
    Vote,
)

PEOPLE = [
    # username, display name, language, staff
    ("demo-rina", "Rina", "id", False),
    ("demo-tom", "Tom from Perth", "en", False),
    ("demo-li", "Li Wei", "en", False),
    ("demo-petugas", "Petugas Imigrasi", "id", True),
]
OFFICIAL = "demo-petugas"

# board slug, kind, author, language, title, opening text, replies [(author, text, official, accepted)],
# status, suggestion status, state of the opening post, guide slug
THREADS = [
    {
        "board": "visa",
        "kind": ThreadKind.QUESTION,
        "author": "demo-tom",
        "language": "en",
        "title": "Can I extend a visa on arrival a second time?",
        "text": "I entered Bali on a visa on arrival and extended it once. Can I extend it **again**, or do I have to leave?",
        "replies": [
            (
                "demo-petugas",
                "A visa on arrival can be extended **once**, for another 30 days. After that you must leave "
                "Indonesia before your permitted stay ends. See the guide on visit visas for the steps.",
                True,
                False,
            ),
            ("demo-tom", "Thank you, that is clear.", False, False),
        ],
        "status": ThreadStatus.ANSWERED,
        "guide": "visa-kunjungan",
    },
    {
        "board": "visa",
        "kind": ThreadKind.QUESTION,
        "author": "demo-rina",
        "language": "id",
        "title": "Apakah sponsor visa kunjungan harus warga negara Indonesia?",
        "text": "Teman saya dari Malaysia ingin berkunjung. Apakah saya bisa menjadi penjaminnya?",
        "replies": [
            ("demo-li", "Saya juga ingin tahu, teman saya dari Tiongkok.", False, False),
        ],
        "status": ThreadStatus.OPEN,
    },
    {
        "board": "izin-tinggal",
        "kind": ThreadKind.QUESTION,
        "author": "demo-li",
        "language": "en",
        "title": "How long does a family KITAS take to be approved?",
        "text": "My wife is Indonesian. We applied for a family KITAS online two weeks ago.",
        "replies": [
            ("demo-rina", "Mine took about three weeks, including the photo appointment.", False, True),
        ],
        "status": ThreadStatus.ANSWERED,
    },
    {
        "board": "paspor",
        "kind": ThreadKind.FEEDBACK,
        "author": "demo-rina",
        "language": "id",
        "title": "Antrean paspor online di Jakarta Selatan sangat membantu",
        "text": "Saya datang sesuai jadwal dan selesai dalam 40 menit. Terima kasih!",
        "replies": [("demo-petugas", "Terima kasih atas masukannya.", True, False)],
        "status": ThreadStatus.CLOSED,
    },
    {
        "board": "paspor",
        "kind": ThreadKind.SUGGESTION,
        "author": "demo-tom",
        "language": "en",
        "title": "Show the waiting time of each passport office online",
        "text": "It would help to see how busy an office is before going there.",
        "suggestion": SuggestionStatus.PLANNED,
    },
    {
        "board": "izin-tinggal",
        "kind": ThreadKind.SUGGESTION,
        "author": "demo-li",
        "language": "en",
        "title": "Send a reminder email before a stay permit expires",
        "text": "A reminder 30 days before expiry would prevent many overstays.",
        "suggestion": SuggestionStatus.UNDER_REVIEW,
    },
    {
        "board": "visa",
        "kind": ThreadKind.SUGGESTION,
        "author": "demo-rina",
        "language": "id",
        "title": "Hapus kewajiban tiket pulang untuk visa kunjungan",
        "text": "Banyak wisatawan belum tahu tanggal pulangnya.",
        "suggestion": SuggestionStatus.DECLINED,
        "decline_reason": "Tiket keluar tetap diwajibkan oleh peraturan yang berlaku untuk visa kunjungan.",
    },
    {
        "board": "paspor",
        "kind": ThreadKind.SUGGESTION,
        "author": "demo-li",
        "language": "en",
        "title": "Accept card payments at passport counters",
        "text": "Paying the fee by card at the counter would save a trip to the bank.",
        "suggestion": SuggestionStatus.DONE,
    },
    {
        "board": "pelaporan",
        "kind": ThreadKind.QUESTION,
        "author": "demo-li",
        "language": "en",
        "title": "Do I report a change of address online?",
        "text": "I moved to another city within Indonesia. Where do I report it?",
        "state": PostState.PENDING,
        "hold_reason": spam.HOLD_FIRST_POSTS,
    },
    {
        "board": "visa",
        "kind": ThreadKind.FEEDBACK,
        "author": "demo-tom",
        "language": "en",
        "title": "Cheap guaranteed visas here",
        "text": "Contact my agent for a guaranteed visa, no questions asked.",
        "state": PostState.HIDDEN,
        "hidden_reason": "Advertising for an unofficial visa agent.",
    },
]


def _person(username, display_name, language, staff):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        user = User(username=username, email=f"{username}@example.org", is_staff=staff)
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        if staff:
            user.groups.add(Group.objects.get(name=OFFICIALS_GROUP))
    member, member_created = Member.objects.get_or_create(
        user=user, defaults={"display_name": display_name, "language": language}
    )
    if member_created:  # old enough not to be a "new member", trusted: posts are not held
        Member.objects.filter(pk=member.pk).update(joined_at=timezone.now() - timedelta(days=60))
    return member, created


def _post(thread, member, text, when, **fields):
    return Post.objects.create(
        thread=thread,
        author=member,
        body=text,
        body_hash=spam.body_hash(text),
        created_at=when,
        approved_at=when if fields.get("state", PostState.APPROVED) == PostState.APPROVED else None,
        **{"state": PostState.APPROVED, **fields},
    )


def _thread(spec, members, now, age):
    board = Board.objects.get(slug=spec["board"])
    start = now - timedelta(days=age)
    guide = GuidePage.objects.filter(slug=spec["guide"]).first() if spec.get("guide") else None
    thread = Thread.objects.create(
        board=board,
        kind=spec["kind"],
        title=spec["title"],
        language=spec["language"],
        author=members[spec["author"]],
        status=spec.get("status", ThreadStatus.OPEN),
        suggestion_status=spec.get("suggestion", ""),
        decline_reason=spec.get("decline_reason", ""),
        guide=guide,
        created_at=start,
        last_activity_at=start,
    )
    opening = {key: spec[key] for key in ("state", "hold_reason", "hidden_reason") if key in spec}
    _post(thread, members[spec["author"]], spec["text"], start, is_opening=True, **opening)
    for number, (author, text, official, accepted) in enumerate(spec.get("replies", []), start=1):
        when = start + timedelta(hours=number * 5)
        _post(thread, members[author], text, when, is_official=official, is_accepted=accepted)
        thread.last_activity_at = when
    thread.save()
    Follow.objects.create(member=members[spec["author"]], thread=thread)
    for member in members.values():
        if member.display_name.startswith(("Rina", "Li")) and member != members[spec["author"]]:
            Vote.objects.create(member=member, thread=thread)
    return thread


@transaction.atomic
def load(progress=None, now=None):
    progress = progress or (lambda message: None)
    now = now or timezone.now()
    created = 0
    for order, topic in enumerate(TopicPage.objects.order_by("path")):
        _board, made = Board.objects.get_or_create(slug=topic.slug, defaults={"topic": topic, "order": order})
        created += made
    members = {}
    for username, display_name, language, staff in PEOPLE:
        members[username], made = _person(username, display_name, language, staff)
        created += made
    for age, spec in enumerate(THREADS, start=1):
        if Thread.objects.filter(title=spec["title"]).exists():
            continue
        _thread(spec, members, now, age * 3)
        created += 1
    # A reply hidden by a moderator, shown as its reason in place.
    thread = Thread.objects.get(title=THREADS[1]["title"])
    hidden_text = "Call me on WhatsApp for a fast sponsor letter."
    if not thread.posts.filter(body=hidden_text).exists():
        _post(
            thread,
            members["demo-tom"],
            hidden_text,
            now - timedelta(days=1),
            state=PostState.HIDDEN,
            hidden_reason="Offers a paid service outside the official procedure.",
        )
        created += 1
    progress(f"forums: {created} items created")
    return created
