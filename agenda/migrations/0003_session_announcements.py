"""What each session's registrants were last told (agenda/session_changes.py).

Until now saving a session told its registrants at once, so every stored session's
registrants already know its current sequence and status.
"""

from django.db import migrations, models
from django.db.models import F


def everyone_was_told(apps, schema_editor):
    EventSession = apps.get_model("agenda", "EventSession")
    EventSession.objects.update(announced_sequence=F("sequence"), announced_status=F("status"))


class Migration(migrations.Migration):
    dependencies = [("agenda", "0002_organisers_group")]

    operations = [
        migrations.AddField(
            model_name="eventsession",
            name="announced_sequence",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="eventsession",
            name="announced_status",
            field=models.CharField(
                choices=[("scheduled", "Scheduled"), ("postponed", "Postponed"), ("cancelled", "Cancelled")],
                default="scheduled",
                editable=False,
                max_length=12,
            ),
        ),
        migrations.RunPython(everyone_was_told, migrations.RunPython.noop),
    ]
