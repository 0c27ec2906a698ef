"""Registration lists for organisers, as CSV or XLSX, with times in the session's zone.

Only people who hold or wait for a seat are listed, plus cancellations marked as
such, so organisers can call people; the file never leaves the admin.
"""

import csv
import io

from django.utils import formats
from django.utils.translation import gettext as _
from openpyxl import Workbook


def _local(moment, session):
    if moment is None:
        return ""
    local = moment.astimezone(session.zone)
    return f"{local:%Y-%m-%d %H:%M} {session.zone_abbreviation}"


def rows(session):
    header = [
        _("Registered"),
        _("Status"),
        _("Name"),
        _("Organisation"),
        _("Number of people"),
        _("Email"),
        _("Phone"),
        _("Preferred language"),
        _("Accessibility needs"),
        _("Checked in"),
    ]
    yield header
    for registration in session.registrations.order_by("created_at", "id"):
        yield [
            _local(registration.created_at, session),
            str(registration.get_status_display()),
            registration.name,
            registration.organisation,
            registration.people,
            registration.email,
            registration.phone,
            str(registration.get_language_display()),
            registration.accessibility_needs,
            _local(registration.checked_in_at, session),
        ]


def _safe_cell(value):
    """Spreadsheet programs run cells starting with = + - @ as formulas: make them text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def as_csv(session):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows(session):
        writer.writerow([_safe_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()  # the BOM makes Excel read UTF-8 (Arabic, Chinese names)


def as_xlsx(session):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = formats.date_format(session.local_start(), "Y-m-d")
    for row in rows(session):
        sheet.append([_safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
