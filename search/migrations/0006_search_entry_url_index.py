from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_search_entry_title_and_summary_words"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["url"], name="search_entry_url"),
        ),
    ]
