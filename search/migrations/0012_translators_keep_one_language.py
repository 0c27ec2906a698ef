"""Translators of the glossary: one group per language, "Glossary translators (English)" and
so on, whose members open the admin and change a concept's terms and definition in that
language only (search/glossary_admin.py reads the permission ``keep_terms_<language>``).
Permissions are created here first so the groups can be given them in the same run (as
0010_editors_manage_glossary_and_best_bets.py does).
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

LANGUAGES = {"id": "Indonesian", "en": "English", "ar": "Arabic", "zh_hans": "Simplified Chinese"}


def group_name(language):
    return f"Glossary translators ({language})"


def create_groups(apps, schema_editor):
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    shared = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="search", codename="change_concept"),
    ]
    for code, language in LANGUAGES.items():
        group, _created = Group.objects.get_or_create(name=group_name(language))
        own = Permission.objects.get(content_type__app_label="search", codename=f"keep_terms_{code}")
        group.permissions.add(*shared, own)


def remove_groups(apps, schema_editor):
    names = [group_name(language) for language in LANGUAGES.values()]
    apps.get_model("auth", "Group").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0011_searchentry_suggest_words"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="concept",
            options={
                "ordering": ["key"],
                "permissions": [
                    ("keep_terms_id", "Can keep the glossary in Indonesian"),
                    ("keep_terms_en", "Can keep the glossary in English"),
                    ("keep_terms_ar", "Can keep the glossary in Arabic"),
                    ("keep_terms_zh_hans", "Can keep the glossary in Simplified Chinese"),
                ],
                "verbose_name": "glossary concept",
                "verbose_name_plural": "glossary concepts",
            },
        ),
        migrations.RunPython(create_groups, remove_groups),
    ]
