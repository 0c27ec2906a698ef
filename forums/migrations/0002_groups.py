"""The "Officials" and "Forum moderators" groups.

Officials are staff accounts in "Officials": only they can post an official answer.
Forum moderators work the moderation queue in the admin; editors ("Editors")
may turn answered questions into FAQ items of guides. Permissions are created
here first so the groups can be given them in the same run.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

GROUPS = {
    "Officials": [("wagtailadmin", "access_admin")],
    "Forum moderators": [
        ("wagtailadmin", "access_admin"),
        ("forums", "moderate_forums"),
        ("forums", "convert_thread"),
    ],
}
EDITORS = ("Editors", [("forums", "convert_thread")])


def create_groups(apps, schema_editor):
    app_config = apps.get_app_config("forums")
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def grant(group, permissions):
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )

    for name, permissions in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        grant(group, permissions)
    editors = Group.objects.filter(name=EDITORS[0]).first()
    if editors:
        grant(editors, EDITORS[1])


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(GROUPS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
