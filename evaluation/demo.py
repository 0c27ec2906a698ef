"""Demo evaluation data: ratings on guides over the last months, event feedback, one round,
and counts of readers walking the sample smart answers (flow_demo.py).

Generated with a fixed random seed so every load gives the same figures. Ratings
and feedback are created only when none exist yet (idempotent).
"""

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from cms.demo.loader import set_translations
from cms.models import GuidePage, HomePage
from evaluation import flow_demo, surveys
from evaluation.masking import mask_personal_data
from evaluation.models import EvaluationIndexPage, EvaluationRoundPage, EventFeedback, PageRating

COMMENTS = [
    "Langkah-langkahnya jelas, terima kasih.",
    "Please add the fee for children.",
    "لم أجد قائمة المستندات المطلوبة.",
    "希望有更多中文内容。",
    "Saya sudah kirim email ke budi.santoso@example.org tapi belum dibalas",
    "Call me on +62 812 3456 7890 please",
]
ANSWERS_PER_SESSION = 8


def load(progress=None):
    created = 0
    with transaction.atomic():
        created += _rounds()
        if not PageRating.objects.exists():
            created += _ratings()
        if not EventFeedback.objects.exists():
            created += _feedback()
        created += flow_demo.load()
    return created


def _rounds():
    home = HomePage.objects.get()
    index = EvaluationIndexPage.objects.child_of(home).first()
    if index is not None:
        return 0
    index = EvaluationIndexPage(slug="evaluasi", show_in_menus=False)
    set_translations(
        index,
        "title",
        {"id": "Evaluasi bersama", "en": "Joint evaluation", "ar": "التقييم المشترك", "zh-hans": "共同评估"},
    )
    set_translations(
        index,
        "intro",
        {
            "id": "Apa yang kami pelajari dari masukan Anda, dan apa yang kami ubah.",
            "en": "What we learned from your feedback, and what we change.",
            "ar": "ما تعلمناه من ملاحظاتكم، وما سنغيره.",
            "zh-hans": "我们从您的反馈中学到了什么，以及我们将做出的改变。",
        },
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    today = date.today()
    round_page = EvaluationRoundPage(
        slug="putaran-1",
        period_start=today.replace(day=1) - timedelta(days=90),
        period_end=today.replace(day=1) - timedelta(days=1),
    )
    set_translations(round_page, "title", {"id": "Putaran evaluasi 1", "en": "Evaluation round 1"})
    set_translations(
        round_page,
        "findings",
        {
            "id": "<p>Panduan visa paling sering dinilai kurang jelas soal biaya anak.</p>",
            "en": "<p>Readers most often found the visa guides unclear about fees for children.</p>",
        },
    )
    set_translations(
        round_page,
        "actions",
        {
            "id": "<p>Kami menambahkan tabel biaya anak ke semua panduan visa.</p>",
            "en": "<p>We are adding a table of children's fees to every visa guide.</p>",
        },
    )
    index.add_child(instance=round_page)
    round_page.save_revision().publish()
    return 2


def _ratings():
    generator = random.Random(2026)  # noqa: S311 - repeatable demo data, not security
    guides = list(GuidePage.objects.live())
    now = timezone.now()
    rows = []
    for number in range(600):
        guide = generator.choice(guides)
        created = now - timedelta(days=generator.randint(0, 300), minutes=generator.randint(0, 1440))
        helpful = generator.random() < 0.7
        comment = mask_personal_data(generator.choice(COMMENTS)) if generator.random() < 0.1 else ""
        rows.append(
            PageRating(
                page=guide,
                language=generator.choice(["id", "id", "en", "ar", "zh-hans"]),
                helpful=helpful,
                comment=comment,
                visitor=f"demo{number}",
                day=created.date(),
                created=created,
            )
        )
    PageRating.objects.bulk_create(rows)
    return len(rows)


def _feedback():
    """Survey answers from most attendees of the past demo sessions (agenda/demo.py)."""
    attended = surveys.attendees(None, timezone.now())
    if attended is None:
        return 0
    generator = random.Random(7)  # noqa: S311 - repeatable demo data, not security
    answered = {}  # session id -> answers made so far
    made = 0
    for registration in attended.order_by("session__start", "pk"):
        number = answered.get(registration.session_id, 0)
        if number >= ANSWERS_PER_SESSION:
            continue
        answered[registration.session_id] = number + 1
        EventFeedback.objects.create(
            registration=registration,
            satisfaction=generator.choice([3, 4, 4, 5, 5]),
            useful="Penjelasan petugas sangat membantu." if number % 3 == 0 else "",
            improve="Ruangan terlalu panas." if number % 4 == 0 else "",
        )
        made += 1
    return made
