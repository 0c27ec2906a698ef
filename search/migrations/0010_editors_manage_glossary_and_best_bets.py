"""The "Editors" group may keep the glossary and the best bets: add, change and delete
concepts (with their terms) and best bets. Without it, only superusers could, and editors
never saw the "Add a best bet" and "Add as a term" links of the report of what people could
not find. Officials are not given them. Permissions are created here first so the group can
be given them in the same run (as forums/migrations/0002_groups.py does).
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

GROUP = "Editors"
PERMISSIONS = [
    f"{action}_{model}" for model in ("concept", "term", "bestbet") for action in ("add", "change", "delete")
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=GROUP).first()
    if editors:  # created by Wagtail (wagtailcore 0002); a site may have removed it
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="search", codename__in=PERMISSIONS)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=GROUP).first()
    if editors:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="search", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_best_bet_query_key_and_labels"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
