"""The outbox and the scheduler's runs moved from cms to core with their tables
(cms_outgoingemail, cms_periodicrun): only Django's record of which app owns them
changes, the database is untouched."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("cms", "0006_periodic_runs"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutgoingEmail",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("to", models.EmailField(max_length=254)),
                        ("subject", models.CharField(max_length=300)),
                        ("body", models.TextField()),
                        ("headers", models.JSONField(blank=True, default=dict)),
                        ("attachments", models.JSONField(blank=True, default=list)),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                        ("attempts", models.PositiveIntegerField(default=0)),
                        ("last_error", models.TextField(blank=True)),
                    ],
                    options={
                        "db_table": "cms_outgoingemail",
                        "indexes": [
                            models.Index(fields=["sent_at", "id"], name="cms_outgoin_sent_at_81c41d_idx")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PeriodicRun",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("key", models.CharField(max_length=100, unique=True)),
                        ("last_run", models.DateTimeField()),
                    ],
                    options={"db_table": "cms_periodicrun"},
                ),
            ],
            database_operations=[],
        ),
    ]
