"""The title's and summary's words stored beside search_text (SearchEntry.title_words), filled
for the entries already indexed with the same cutting as new ones (search/text.py)."""

from django.db import migrations, models

from search.text import phrase


def fill(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    changed = []
    for entry in SearchEntry.objects.only("pk", "title", "summary").iterator(chunk_size=1000):
        entry.title_words, entry.summary_words = phrase(entry.title), phrase(entry.summary)
        changed.append(entry)
        if len(changed) == 1000:
            SearchEntry.objects.bulk_update(changed, ["title_words", "summary_words"])
            changed = []
    SearchEntry.objects.bulk_update(changed, ["title_words", "summary_words"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_search_entry_title_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="summary_words",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="title_words",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["language", "available_languages"], name="search_entry_coverage"),
        ),
    ]
