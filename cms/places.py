"""Indonesia's provinces with their time zones, and what immigration offices do.

Fixed lists with labels from the interface catalogue (always translated), shared by
the office pages (cms/models/offices.py) and the guide block that points to the
office finder (cms/blocks.py).
"""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

WIB, WITA, WIT = "WIB", "WITA", "WIT"
TIME_ZONES = {
    WIB: ("Asia/Jakarta", _("Western Indonesia Time"), "+07:00"),
    WITA: ("Asia/Makassar", _("Central Indonesia Time"), "+08:00"),
    WIT: ("Asia/Jayapura", _("Eastern Indonesia Time"), "+09:00"),
}

# Indonesia's 38 provinces, west to east within each zone: (code, label, zone).
PROVINCES = [
    ("aceh", _("Aceh"), WIB),
    ("sumatera-utara", _("North Sumatra"), WIB),
    ("sumatera-barat", _("West Sumatra"), WIB),
    ("riau", _("Riau"), WIB),
    ("kepulauan-riau", _("Riau Islands"), WIB),
    ("jambi", _("Jambi"), WIB),
    ("bengkulu", _("Bengkulu"), WIB),
    ("sumatera-selatan", _("South Sumatra"), WIB),
    ("bangka-belitung", _("Bangka Belitung Islands"), WIB),
    ("lampung", _("Lampung"), WIB),
    ("banten", _("Banten"), WIB),
    ("dki-jakarta", _("Jakarta"), WIB),
    ("jawa-barat", _("West Java"), WIB),
    ("jawa-tengah", _("Central Java"), WIB),
    ("di-yogyakarta", _("Yogyakarta"), WIB),
    ("jawa-timur", _("East Java"), WIB),
    ("kalimantan-barat", _("West Kalimantan"), WIB),
    ("kalimantan-tengah", _("Central Kalimantan"), WIB),
    ("bali", _("Bali"), WITA),
    ("nusa-tenggara-barat", _("West Nusa Tenggara"), WITA),
    ("nusa-tenggara-timur", _("East Nusa Tenggara"), WITA),
    ("kalimantan-selatan", _("South Kalimantan"), WITA),
    ("kalimantan-timur", _("East Kalimantan"), WITA),
    ("kalimantan-utara", _("North Kalimantan"), WITA),
    ("sulawesi-utara", _("North Sulawesi"), WITA),
    ("gorontalo", _("Gorontalo"), WITA),
    ("sulawesi-tengah", _("Central Sulawesi"), WITA),
    ("sulawesi-barat", _("West Sulawesi"), WITA),
    ("sulawesi-selatan", _("South Sulawesi"), WITA),
    ("sulawesi-tenggara", _("Southeast Sulawesi"), WITA),
    ("maluku", _("Maluku"), WIT),
    ("maluku-utara", _("North Maluku"), WIT),
    ("papua", _("Papua"), WIT),
    ("papua-barat", _("West Papua"), WIT),
    ("papua-barat-daya", _("Southwest Papua"), WIT),
    ("papua-tengah", _("Central Papua"), WIT),
    ("papua-pegunungan", _("Highland Papua"), WIT),
    ("papua-selatan", _("South Papua"), WIT),
]
PROVINCE_CHOICES = [(code, label) for code, label, _zone in PROVINCES]
PROVINCE_ZONES = {code: zone for code, _label, zone in PROVINCES}

SERVICES = [
    ("passports", _("Passports")),
    ("visas", _("Visas")),
    ("stay_permits", _("Stay permits (KITAS, KITAP)")),
    ("stay_extensions", _("Extending a visit stay")),
    ("reentry_permits", _("Re-entry and exit permits")),
    ("foreigner_reporting", _("Reporting changes (address, status)")),
    ("complaints_desk", _("Complaints desk")),
    ("refugee_desk", _("Refugee and asylum desk")),
]


def map_link(latitude=None, longitude=None, address=""):
    """A plain link to OpenStreetMap, never a script or tiles on our pages: the point when its
    coordinates are known, else a search for the address; None without either."""
    if latitude is not None and longitude is not None:
        lat, lon = f"{latitude:f}", f"{longitude:f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    if address.strip():
        return "https://www.openstreetmap.org/search?" + urlencode({"query": address.strip()})
    return None
