"""Demo complaints: offices, and complaints in every state across categories and offices.

Dates are relative to the day the demo is loaded. Idempotent: offices are found by
their Indonesian name and complaints by a fixed demo form token, so running it
again creates nothing. Demo complaints are created directly (no emails are sent).

Their tracking codes are made from a fixed seed, so the demo site can be tried:
``demo_code(7)`` is the code of the resolved complaint that can still be reopened
(docs/complaints.md prints it). Real codes come from ``secrets``, never from here.
"""

import hashlib
import random
from datetime import datetime, time, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from cms.demo.loader import read_json, set_translations
from complaints import codes
from complaints.models import AuditEntry, Complaint, Office, Status, TimelineEntry

DATA = Path(__file__).resolve().parent / "demo_data" / "complaints.json"
# Days after receipt at which each step happened.
PATHS = {
    Status.RECEIVED: [],
    Status.VERIFIED: [(Status.VERIFIED, 1)],
    Status.IN_PROGRESS: [(Status.VERIFIED, 1), (Status.IN_PROGRESS, 3)],
    Status.RESOLVED: [(Status.VERIFIED, 1), (Status.IN_PROGRESS, 3), (Status.RESOLVED, 12)],
    Status.CLOSED: [
        (Status.VERIFIED, 1),
        (Status.IN_PROGRESS, 3),
        (Status.RESOLVED, 12),
        (Status.CLOSED, 44),
    ],
    Status.REJECTED: [(Status.REJECTED, 2)],
}


def demo_code(number):
    """The demo complaint's code: a fixed seed, so the demo can be tried and the loader re-run."""
    generator = random.Random(f"sinergi-demo-complaint-{number}")  # noqa: S311 - demo only, not secret
    groups = []
    for group in range(codes.GROUPS):
        chars = "".join(generator.choice(codes.ALPHABET) for _ in range(codes.GROUP_SIZE - 1))
        groups.append(chars + codes.check_character(group, chars))
    return "-".join(groups)


def demo_token_hash(number):
    return hashlib.sha256(f"sinergi-demo-complaint-{number}".encode()).hexdigest()


def load(progress=None, now=None):
    """Create the demo offices and complaints; returns the number of items created."""
    progress = progress or (lambda message: None)
    now = now or timezone.now()
    data = read_json(DATA)
    created = 0
    with transaction.atomic():
        offices = {}
        for order, item in enumerate(data["offices"]):
            office = Office.objects.filter(name_ind=item["name"]["id"]).first()
            if office is None:
                office = Office(city=item["city"], order=order)
                set_translations(office, "name", item["name"])
                office.save()
                created += 1
            offices[item["key"]] = office
        for item in data["complaints"]:
            if Complaint.objects.filter(form_token_hash=demo_token_hash(item["n"])).exists():
                continue
            progress(f"[{item['n']}/{len(data['complaints'])}] complaint {item['status']}")
            _complaint(item, offices[item["office"]], data["notes"], now)
            created += 1
    return created


def _complaint(item, office, notes, now):
    received = datetime.combine(
        timezone.localdate(now) - timedelta(days=item["days_ago"]),
        time(9, 30),
        tzinfo=timezone.get_current_timezone(),
    )
    contact = item.get("contact", {})
    complaint = Complaint.objects.create(
        code_hash=codes.code_hash(demo_code(item["n"])),
        form_token_hash=demo_token_hash(item["n"]),
        category=item["category"],
        office=office,
        description=item["description"],
        happened_on=(received - timedelta(days=2)).date(),
        contact_name=contact.get("name", ""),
        contact_email=contact.get("email", ""),
        contact_phone=contact.get("phone", ""),
        language=item["language"],
        received_at=received,
    )
    TimelineEntry.objects.create(complaint=complaint, status=Status.RECEIVED, created_at=received)
    AuditEntry.objects.create(
        complaint=complaint, action=AuditEntry.Action.FILED, detail="demo", created_at=received
    )
    note_language = "id" if item["language"] == "id" else "en"
    for status, days in PATHS[item["status"]]:
        moment = received + timedelta(days=days, hours=2)
        complaint.first_response_at = complaint.first_response_at or moment
        if status == Status.RESOLVED:
            complaint.resolved_at = moment
        if status in (Status.CLOSED, Status.REJECTED):
            complaint.closed_at = moment
        TimelineEntry.objects.create(
            complaint=complaint, status=status, public_note=notes[status][note_language], created_at=moment
        )
        AuditEntry.objects.create(
            complaint=complaint, action=AuditEntry.Action.STATUS_CHANGED, detail="demo", created_at=moment
        )
    complaint.status = item["status"]
    complaint.satisfaction = item.get("satisfaction")
    complaint.save()
    return complaint
