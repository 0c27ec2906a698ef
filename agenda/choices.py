"""Fixed lists for events: kinds, statuses, time zones and provinces.

Kinds and statuses are labelled from the interface catalogue so they read right in
every language. Province names are proper nouns and stay as they are written in
Indonesia; each carries the time zone it keeps, which the editor form suggests.
"""

from django.utils.translation import gettext_lazy as _

KINDS = [
    ("seminar", _("Seminar")),
    ("workshop", _("Workshop")),
    ("outreach", _("Outreach session")),
    ("consultation", _("Consultation")),
]

SESSION_STATUSES = [
    ("scheduled", _("Scheduled")),
    ("postponed", _("Postponed")),
    ("cancelled", _("Cancelled")),
]

# Indonesia's three zones; the abbreviation is what people say and read.
TIME_ZONES = [
    ("Asia/Jakarta", _("WIB (Western Indonesia Time, UTC+7)")),
    ("Asia/Makassar", _("WITA (Central Indonesia Time, UTC+8)")),
    ("Asia/Jayapura", _("WIT (Eastern Indonesia Time, UTC+9)")),
]
ZONE_ABBREVIATIONS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}

PROVINCE_ZONES = {
    "Aceh": "Asia/Jakarta",
    "Sumatera Utara": "Asia/Jakarta",
    "Sumatera Barat": "Asia/Jakarta",
    "Riau": "Asia/Jakarta",
    "Kepulauan Riau": "Asia/Jakarta",
    "Jambi": "Asia/Jakarta",
    "Sumatera Selatan": "Asia/Jakarta",
    "Kepulauan Bangka Belitung": "Asia/Jakarta",
    "Bengkulu": "Asia/Jakarta",
    "Lampung": "Asia/Jakarta",
    "DKI Jakarta": "Asia/Jakarta",
    "Banten": "Asia/Jakarta",
    "Jawa Barat": "Asia/Jakarta",
    "Jawa Tengah": "Asia/Jakarta",
    "DI Yogyakarta": "Asia/Jakarta",
    "Jawa Timur": "Asia/Jakarta",
    "Kalimantan Barat": "Asia/Jakarta",
    "Kalimantan Tengah": "Asia/Jakarta",
    "Bali": "Asia/Makassar",
    "Nusa Tenggara Barat": "Asia/Makassar",
    "Nusa Tenggara Timur": "Asia/Makassar",
    "Kalimantan Selatan": "Asia/Makassar",
    "Kalimantan Timur": "Asia/Makassar",
    "Kalimantan Utara": "Asia/Makassar",
    "Sulawesi Utara": "Asia/Makassar",
    "Gorontalo": "Asia/Makassar",
    "Sulawesi Tengah": "Asia/Makassar",
    "Sulawesi Barat": "Asia/Makassar",
    "Sulawesi Selatan": "Asia/Makassar",
    "Sulawesi Tenggara": "Asia/Makassar",
    "Maluku": "Asia/Jayapura",
    "Maluku Utara": "Asia/Jayapura",
    "Papua": "Asia/Jayapura",
    "Papua Barat": "Asia/Jayapura",
    "Papua Barat Daya": "Asia/Jayapura",
    "Papua Tengah": "Asia/Jayapura",
    "Papua Pegunungan": "Asia/Jayapura",
    "Papua Selatan": "Asia/Jayapura",
}
PROVINCES = [(name, name) for name in PROVINCE_ZONES]

# Languages an event can be held in (ISO codes; names in their own script).
EVENT_LANGUAGES = [
    ("id", "Bahasa Indonesia"),
    ("en", "English"),
    ("ar", "العربية"),
    ("zh", "中文"),
    ("fa", "فارسی"),
    ("so", "Soomaali"),
    ("ta", "தமிழ்"),
    ("my", "မြန်မာ"),
    ("bsl", "BISINDO (Bahasa Isyarat Indonesia)"),
]

REGISTRATION_KINDS = [
    ("individual", _("Myself")),
    ("group", _("A community group")),
]

REGISTRATION_STATUSES = [
    ("confirmed", _("Confirmed")),
    ("waitlisted", _("On the waitlist")),
    ("offered", _("Seat offered")),
    ("cancelled", _("Cancelled")),
    ("expired", _("Offer expired")),
    # Still waiting when offers stopped before the start (agenda/registration.py).
    ("no_seat", _("No seat became free")),
]
# Registrations that hold seats against the capacity.
HOLDING_SEATS = ("confirmed", "offered")
