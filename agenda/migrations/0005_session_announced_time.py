"""The time each session's registrants were last told (agenda/session_changes.py), so the
email about a moved session says the old time beside the new.

Stored sessions whose news was announced were announced with their current time; one with
news still to tell keeps no old time, and its email gives the new time alone.
"""

from django.db import migrations, models
from django.db.models import F


def told_the_current_time(apps, schema_editor):
    EventSession = apps.get_model("agenda", "EventSession")
    EventSession.objects.filter(sequence__lte=F("announced_sequence")).update(
        announced_start=F("start"), announced_end=F("end")
    )


class Migration(migrations.Migration):
    dependencies = [("agenda", "0004_waitlist_closing_and_anonymisation")]

    operations = [
        migrations.AddField(
            model_name="eventsession",
            name="announced_end",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="eventsession",
            name="announced_start",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunPython(told_the_current_time, migrations.RunPython.noop),
    ]
