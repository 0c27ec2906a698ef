"""The title as autocomplete compares it (SearchEntry.suggest_words, search/suggest.py), filled
for the entries already indexed with the same cutting as new ones."""

from django.db import migrations, models

from search.suggest import suggest_words

CHUNK = 1000


def fill(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    changed = []
    for entry in SearchEntry.objects.only("pk", "title").iterator(chunk_size=CHUNK):
        entry.suggest_words = suggest_words(entry.title)
        changed.append(entry)
        if len(changed) == CHUNK:
            SearchEntry.objects.bulk_update(changed, ["suggest_words"])
            changed = []
    SearchEntry.objects.bulk_update(changed, ["suggest_words"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0010_editors_manage_glossary_and_best_bets"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="suggest_words",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
