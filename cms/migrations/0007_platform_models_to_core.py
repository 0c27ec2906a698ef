"""The outbox and the scheduler's runs now belong to core (core/migrations/0001_initial.py);
their tables stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_periodic_runs"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="OutgoingEmail"),
                migrations.DeleteModel(name="PeriodicRun"),
            ],
            database_operations=[],
        ),
    ]
