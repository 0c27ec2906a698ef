"""Create the fixed list of audiences, so every database has the same codes."""

from django.db import migrations

CODES = ["citizens", "visitors", "workers", "refugees", "employers"]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("cms", "Audience")
    for code in CODES:
        Audience.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
